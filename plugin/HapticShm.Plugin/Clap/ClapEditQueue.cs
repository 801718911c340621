using HapticShm.Plugin.Clap.Interop;
using HapticShm.Plugin.Core.Parameters;

namespace HapticShm.Plugin.Clap;

/// <summary>
/// The editor's parameter edits on their way to the host: the UI thread writes (begin, value, end),
/// process() or params.flush reads them and pushes CLAP_EVENT_PARAM_GESTURE_BEGIN / PARAM_VALUE /
/// GESTURE_END to the host's output events. Single producer, single consumer (CLAP never runs
/// process and flush at once), preallocated, lock-free: the reader allocates and blocks on nothing.
/// </summary>
internal sealed unsafe class ClapEditQueue
{
    /// <summary>Room for many drags between two blocks (one frame makes a few edits at most).</summary>
    public const int Capacity = 256;

    private readonly Edit[] _edits = new Edit[Capacity];
    private long _written, _read;
    private long _dropped;

    /// <summary>Edits lost because the host neither processed nor flushed for a long while.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Edits waiting for the host.</summary>
    public int Pending => (int)(Volatile.Read(ref _written) - Volatile.Read(ref _read));

    public void Begin(uint id) => Write(ClapEventHeader.ParamGestureBegin, id, 0);

    /// <summary>A value, plain (what CLAP speaks).</summary>
    public void Value(uint id, double plain) => Write(ClapEventHeader.ParamValue, id, plain);

    public void End(uint id) => Write(ClapEventHeader.ParamGestureEnd, id, 0);

    private void Write(ushort type, uint id, double plain)
    {
        long written = _written;
        if (written - Volatile.Read(ref _read) >= Capacity)
        {
            Interlocked.Increment(ref _dropped);
            return;
        }
        _edits[written % Capacity] = new Edit(type, id, plain);
        Volatile.Write(ref _written, written + 1);
    }

    /// <summary>Pushes every waiting edit to <paramref name="events"/> (process or flush). An edit
    /// the host refuses stays for the next call. Real-time: no allocation, no lock.</summary>
    public void DrainTo(ClapOutputEvents* events)
    {
        if (events == null || events->TryPush == null) return;
        long read = _read, written = Volatile.Read(ref _written);
        for (; read < written; read++)
        {
            Edit edit = _edits[read % Capacity];
            if (!Push(events, edit)) break;
        }
        Volatile.Write(ref _read, read);
    }

    private static bool Push(ClapOutputEvents* events, in Edit edit)
    {
        if (edit.Type == ClapEventHeader.ParamValue)
        {
            var value = new ClapEventParamValue
            {
                Header = ClapEventHeader.Of<ClapEventParamValue>(ClapEventHeader.ParamValue, 0),
                ParamId = edit.Id, Cookie = null, NoteId = -1, PortIndex = -1, Channel = -1, Key = -1, Value = edit.Plain,
            };
            return events->TryPush(events, &value.Header) != 0;
        }
        var gesture = new ClapEventParamGesture { Header = ClapEventHeader.Of<ClapEventParamGesture>(edit.Type, 0), ParamId = edit.Id };
        return events->TryPush(events, &gesture.Header) != 0;
    }

    /// <summary>Plain value of a normalized one for a persistent parameter (NaN when unknown).</summary>
    public static double ToPlain(uint id, double normalized) =>
        ClapParamsExports.TryGet(id, out PluginParameter? parameter) ? parameter.ToPlain(normalized) : double.NaN;

    private readonly record struct Edit(ushort Type, uint Id, double Plain);
}
