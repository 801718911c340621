using HapticShm.Jack;

namespace HapticShm.Server.Backends.Jack;

/// <summary>
/// Turns JACK's per-cycle (frame time, µs estimate) pairs into block start times on a timeline
/// that is exactly linear in frames: <c>start(F) = anchorNs + (F - anchorFrame) / rate</c>, to the
/// nanosecond, so a command stamped with the time of a frame sounds at exactly that frame and
/// commands on a sample grid come out on that grid (zero jitter by construction).
/// </summary>
/// <remarks>
/// <para>Why no per-block slew: slewing the line towards JACK's filtered time by a fraction of a
/// sample every block makes the frame a timestamp rounds to depend on when it is rendered; under
/// a noisy clock (the dummy driver on a loaded machine) the schedule then wanders by a sample or
/// more and nobody can predict which. Instead the error against JACK's time is low-pass filtered
/// (over about <see cref="FilterSeconds"/>, so single late wake-ups do not count) and the timeline
/// moves only by whole frames, one <see cref="Steps">step</see> at a time, when the filtered error
/// exceeds one frame: that follows a drifting device clock (100 ppm: one step every ~0.2 s) and
/// leaves it untouched when the clocks agree. An error larger than the resync threshold for
/// <see cref="ResyncAfterBlocks"/> blocks in a row (an xrun that reset JACK's DLL, freewheeling)
/// re-anchors (<see cref="Resyncs"/>). Both are counted and
/// published, so a client can tell that the promise changed.</para>
/// <para>Frame times pass through a <see cref="JackFrameTracker"/> first, so a report from a
/// neighbouring cycle cannot bend the timeline.</para>
/// </remarks>
public sealed class BlockStartClock
{
    /// <summary>The error against JACK's time is averaged over about this long (s), whatever the
    /// block size: long enough that a noisy wake-up never moves the timeline, short enough to
    /// follow a drifting device within a frame or two.</summary>
    public const double FilterSeconds = 1.0;

    /// <summary>An error beyond the resync threshold must persist this many blocks in a row to
    /// re-anchor: a single wild report (a late wake-up right after an xrun) is not a jump.</summary>
    public const int ResyncAfterBlocks = 4;

    // Rebase the anchor every 10 s of frames so frame deltas stay small (exact: same line).
    private const long RebaseSeconds = 10;

    private readonly JackFrameTracker _frames = new();
    private readonly int _sampleRate;
    private readonly long _resyncThresholdNs;
    private readonly long _frameNs;
    private bool _anchored;
    private uint _anchorFrame;
    private long _anchorNs;
    private double _filteredErrorNs;
    private double _filterCount;
    private int _beyondThreshold;
    private long _resyncs;
    private long _steps;

    /// <summary>A clock for <paramref name="sampleRate"/> that re-anchors when JACK's time and the
    /// frame-based estimate disagree by more than <paramref name="resyncThresholdNs"/>.</summary>
    public BlockStartClock(int sampleRate, long resyncThresholdNs = 1_000_000)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(resyncThresholdNs);
        _sampleRate = sampleRate;
        _resyncThresholdNs = resyncThresholdNs;
        _frameNs = JackTime.FramesToNs(1, sampleRate);
    }

    /// <summary>Times the timeline was re-anchored after the first block (each one moves it by an arbitrary amount).</summary>
    public long Resyncs => Volatile.Read(ref _resyncs);

    /// <summary>Whole-frame steps of the timeline (each moves every later block start by one frame).</summary>
    public long Steps => Volatile.Read(ref _steps);

    /// <summary>Jumps of JACK's frame counter followed (xruns that skipped frames; the timeline stays).</summary>
    public long FrameJumps => _frames.Jumps;

    /// <summary>JACK frame of the block last returned by <see cref="Next"/>.</summary>
    public uint LastFrame { get; private set; }

    /// <summary>Start time (ns) of a block of <paramref name="frames"/> frames that JACK reports
    /// starting at <paramref name="reportedFrame"/>, at <paramref name="measuredNs"/>. A report
    /// that belongs to a neighbouring cycle (see <see cref="JackFrameTracker"/>) is not used for
    /// correction. Real-time safe.</summary>
    public long Next(uint reportedFrame, int frames, long measuredNs)
    {
        uint frame = _frames.Next(reportedFrame, frames, out bool trusted);
        LastFrame = frame;
        if (!_anchored)
        {
            _anchored = true;
            Anchor(frame, measuredNs);
            return measuredNs;
        }
        long framesSinceAnchor = (uint)(frame - _anchorFrame);
        long predicted = _anchorNs + JackTime.FramesToNs(framesSinceAnchor, _sampleRate);
        if (!trusted) return predicted;
        long error = measuredNs - predicted;
        if (Math.Abs(error) > _resyncThresholdNs)
        {
            if (++_beyondThreshold < ResyncAfterBlocks) return predicted;
            Anchor(frame, measuredNs);
            _beyondThreshold = 0;
            _filteredErrorNs = 0;
            _filterCount = 0;
            Volatile.Write(ref _resyncs, _resyncs + 1);
            return measuredNs;
        }
        _beyondThreshold = 0;
        // A running mean at first (the first anchor is one noisy reading), then exponential over
        // FilterSeconds' worth of blocks.
        _filterCount = Math.Min(_filterCount + 1, FilterSeconds * _sampleRate / frames);
        _filteredErrorNs += (error - _filteredErrorNs) / _filterCount;
        if (Math.Abs(_filteredErrorNs) > _frameNs)
        {
            int step = Math.Sign(_filteredErrorNs);
            predicted += step * _frameNs;
            _filteredErrorNs -= step * _frameNs;
            Anchor(frame, predicted);
            Volatile.Write(ref _steps, _steps + 1);
            return predicted;
        }
        if (framesSinceAnchor >= RebaseSeconds * _sampleRate) Anchor(frame, predicted);
        return predicted;
    }

    /// <summary>Forgets the anchor: the next block starts a new timeline (after a restart).</summary>
    public void Reset()
    {
        _anchored = false;
        _filteredErrorNs = 0;
        _filterCount = 0;
        _beyondThreshold = 0;
        _frames.Reset();
    }

    private void Anchor(uint frame, long ns)
    {
        _anchorFrame = frame;
        _anchorNs = ns;
    }
}
