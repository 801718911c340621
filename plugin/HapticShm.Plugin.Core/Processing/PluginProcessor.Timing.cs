using HapticShm.Plugin.Core.Parameters;
using HapticShm.Plugin.Core.Timing;
using HapticShm.Shared;
using HapticShm.Shared.Status;

namespace HapticShm.Plugin.Core.Processing;

/// <summary>Block timestamps from the host's timeline, the haptic offset, offline mode and the
/// release of held notes when the transport jumps or stops.</summary>
public sealed partial class PluginProcessor
{
    private static readonly int HapticOffsetIndex = PluginParameters.IndexOf(ParameterIds.HapticOffset);
    private readonly BlockClock _clock = new();
    private readonly TransportWatch _transport = new();
    private readonly ServerTimelineSlot _serverTimeline = new();
    private readonly SharedCycleLock _cycleLock = new();
    private ServerTimeline _timeline;
    private bool _blockLocked;
    private uint _blockServerFrame;
    private long _hapticOffsetNs;
    private long _lastStampNs = long.MinValue;
    private int _timingReset;
    private bool _offline;
    private bool _blockOffline;
    private bool _releaseHeld;
    private int _releaseRequested;
    private long _skippedOffline;
    private long _transportReleases;
    private long _clockSource;

    /// <summary>Commands not sent because the host processed offline (a bounce).</summary>
    public long SkippedOfflineCommands => Volatile.Read(ref _skippedOffline);

    /// <summary>Times held notes were released because the transport jumped or stopped.</summary>
    public long TransportReleases => Volatile.Read(ref _transportReleases);

    /// <summary>Whether the last block was processed offline.</summary>
    public bool IsOffline => _offline;

    /// <summary>Which clock the stamps follow (host's or own fit) and why the host's was refused,
    /// as of the last block (any thread).</summary>
    public ClockSourceStatus ClockSource => ClockSourceStatus.Unpack(Volatile.Read(ref _clockSource));

    /// <summary>The block clock (audio thread view, for diagnostics and tests).</summary>
    public BlockClock Clock => _clock;

    /// <summary>Where the connection thread hands over the server's timeline.</summary>
    public ServerTimelineSlot ServerTimeline => _serverTimeline;

    /// <summary>Forgets the timeline (setActive(true) on the host's UI thread); the audio thread
    /// re-anchors at its next block.</summary>
    public void ResetTiming() => Volatile.Write(ref _timingReset, 1);

    /// <summary>Starts a host block: its start from the fitted clock (in real time), the
    /// transport's jumps and stops noted for <see cref="EndBlock"/>.</summary>
    public void BeginBlock(in HostBlock block)
    {
        if (Interlocked.Exchange(ref _timingReset, 0) != 0)
        {
            _clock.Reset();
            _transport.Reset();
        }
        _blockOffline = block.Mode == HostProcessMode.Offline;
        long start;
        if (_blockOffline)
        {
            // Nothing is sent offline; the line starts over when real time comes back.
            _clock.Reset();
            start = block.NowNs;
        }
        else
        {
            start = _clock.Advance(block);
        }
        _releaseHeld = _transport.Update(block);
        if (_serverTimeline.TryRead(out ServerTimeline timeline)) _timeline = timeline;
        long position = _clock.Position; // offline blocks do not reach the clock: nothing is stamped then
        bool locked = !_blockOffline && _cycleLock.Observe(position, block.NumSamples, block.NowNs, _timeline);
        BeginBlock(start);
        _blockNsPerSample = _clock.NsPerSample;
        _blockLocked = locked;
        if (locked) _blockServerFrame = _cycleLock.ServerFrameOf(position);
        Volatile.Write(ref _clockSource, (locked ? new ClockSourceStatus(Shared.Status.ClockSource.ServerCycles, Value: PromisedLatencySamples()) : _clock.Source).Pack());
    }

    // Where the server puts a command stamped with the time of frame F: F plus the haptic offset
    // and its fixed latency, rounded half up as the engine rounds.
    private float PromisedLatencySamples() =>
        (float)Math.Floor((_hapticOffsetNs + _timeline.FixedLatencyNs) * (_timeline.SampleRate / 1e9) + 0.5);

    /// <summary>Releases every held note at the next block (CLAP reset: "kill all voices"; any thread).</summary>
    public void RequestReleaseAll() => Volatile.Write(ref _releaseRequested, 1);

    // Runs in EndBlock before the block's inputs: what follows a jump keeps sounding.
    private void ApplyTransportAndMode()
    {
        if (Interlocked.Exchange(ref _releaseRequested, 0) != 0) ReleaseAllHeld(0);
        if (_releaseHeld)
        {
            _releaseHeld = false;
            if (_held.Count > 0) Volatile.Write(ref _transportReleases, _transportReleases + 1);
            ReleaseAllHeld(0);
        }
        if (_blockOffline == _offline) return;
        if (_blockOffline)
        {
            ReleaseAllHeld(0); // what sounds now stops before the bounce
            _offline = true;
            return;
        }
        // Back from a bounce: its notes never sounded; bring the server up to date.
        _offline = false;
        _held.Clear();
        ResendAll();
    }

    private void ReleaseAllHeld(int sampleOffset)
    {
        for (int i = 0; i < _held.Count; i++)
        {
            ref HeldNote held = ref _held[i];
            Emit(Shared.Protocol.Command.NoteOff(held.Channel, held.Pitch, TimestampAt(sampleOffset), held.NoteId));
        }
        _held.Clear();
    }

    private long ReadHapticOffsetNs() =>
        (long)Math.Round(PluginParameters.All[HapticOffsetIndex].ToPlain(Volatile.Read(ref _normalized[HapticOffsetIndex])) * 1e6);

    // Never earlier than the previous stamp: a smaller haptic offset or a lowered clock line
    // must not put a note-off before its note-on.
    private long TimestampAt(int sampleOffset)
    {
        long stamp = (_blockLocked ? ServerTimeOf(sampleOffset) : _blockStartNs + (long)(sampleOffset * _blockNsPerSample)) + _hapticOffsetNs;
        if (stamp < _lastStampNs) stamp = _lastStampNs;
        _lastStampNs = stamp;
        return stamp;
    }

    // The server's own time of the frame this sample is, on its published line: it maps back to
    // exactly that frame.
    private long ServerTimeOf(int sampleOffset) =>
        _timeline.StartNs + MonotonicClock.FramesToNs(unchecked((int)(_blockServerFrame + (uint)sampleOffset - _timeline.Frame)), _timeline.SampleRate);
}
