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
        Volatile.Write(ref _clockSource, _clock.Source.Pack());
        _releaseHeld = _transport.Update(block);
        BeginBlock(start);
        _blockNsPerSample = _clock.NsPerSample;
    }

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
        long stamp = _blockStartNs + (long)(sampleOffset * _blockNsPerSample) + _hapticOffsetNs;
        if (stamp < _lastStampNs) stamp = _lastStampNs;
        _lastStampNs = stamp;
        return stamp;
    }
}
