using System.Runtime.InteropServices;
using HapticShm.Plugin.Clap.Interop;

namespace HapticShm.Plugin.Clap;

/// <summary>clap.state: the same bytes as the VST3 component state (ParameterState), so a preset
/// moves between the two formats. Main thread; a host thread-check that says otherwise is refused.</summary>
internal static unsafe class ClapStateExports
{
    /// <summary>A state is far smaller; more is not ours (the VST3 reads at most as much).</summary>
    public const int MaxStateBytes = 1 << 16;

    public static readonly ClapPluginState* State = Create();

    private static ClapPluginState* Create()
    {
        var state = (ClapPluginState*)NativeMemory.AllocZeroed((nuint)sizeof(ClapPluginState));
        state->Save = &Save;
        state->Load = &Load;
        return state;
    }

    [UnmanagedCallersOnly]
    private static byte Save(ClapPlugin* plugin, ClapOStream* stream)
    {
        if (stream == null || stream->Write == null) return 0;
        try
        {
            ClapInstance instance = ClapInstance.From(plugin);
            if (!instance.OnMainThread) return 0;
            byte[] bytes = instance.Processor.SaveState();
            fixed (byte* start = bytes)
            {
                int written = 0;
                while (written < bytes.Length)
                {
                    long n = stream->Write(stream, start + written, (ulong)(bytes.Length - written));
                    if (n <= 0) return 0; // the stream refuses: the host gets no half state
                    written += (int)Math.Min(n, bytes.Length - written);
                }
            }
            return 1;
        }
        catch { return 0; }
    }

    [UnmanagedCallersOnly]
    private static byte Load(ClapPlugin* plugin, ClapIStream* stream)
    {
        if (stream == null || stream->Read == null) return 0;
        try
        {
            ClapInstance instance = ClapInstance.From(plugin);
            if (!instance.OnMainThread) return 0;
            var buffer = new byte[MaxStateBytes];
            int length = 0;
            fixed (byte* start = buffer)
            {
                while (length < buffer.Length)
                {
                    long n = stream->Read(stream, start + length, (ulong)(buffer.Length - length));
                    if (n < 0) return 0;
                    if (n == 0) break;
                    length += (int)Math.Min(n, buffer.Length - length);
                }
            }
            if (!instance.Processor.LoadState(buffer.AsSpan(0, length))) return 0;
            instance.AfterStateLoad();
            return 1;
        }
        catch { return 0; }
    }
}
