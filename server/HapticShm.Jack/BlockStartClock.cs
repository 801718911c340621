namespace HapticShm.Jack;

/// <summary>
/// Places JACK cycles on a timeline that is exactly linear in frames:
/// <c>start(F) = anchorNs + (F - anchorFrame) / rate</c>, to the nanosecond, so a command stamped
/// with the time of a frame sounds at exactly that frame and commands on a sample grid come out on
/// that grid (zero jitter by construction). The timeline is the lower envelope of the times the
/// process callback actually began: a cycle cannot be processed before it starts, and the earliest
/// of many wake-ups is within the scheduler's best latency of the start.
/// </summary>
/// <remarks>
/// <para>Why not JACK's own estimate (jack_get_cycle_times): it is the prediction of JACK's
/// delay-locked loop, which converges with a time constant of about a second and is reset only by
/// an xrun. Measured with the dummy driver on a quiet 2-core VM: in one run of eight it placed
/// every cycle 1.1 to 1.9 ms (more than a period) before the callback that processed it, for the
/// whole 400-cycle run, with no xrun; on another VM 20 ms. A timeline built on it then promises
/// samples that were rendered after they were due.</para>
/// <para>How it follows the device: every callback measures how late it began against the
/// timeline. A callback that began before its cycle's start proves the timeline late: it moves
/// earlier at once, by whole frames. The earliest wake-up of the last <see cref="RecentWindows"/>
/// windows of <see cref="WindowSeconds"/> says how far the timeline could move later and still
/// precede every wake-up: when that reaches twice <see cref="SlackFrames"/> frames, it moves later
/// by whole frames, keeping <see cref="SlackFrames"/> of slack. So noisy or busy seconds do not move
/// it, a drifting device clock (100 ppm: five frames a second) is followed within a dozen frames,
/// and each move is counted (<see cref="Steps"/>). Callbacks all more than the resync threshold
/// behind it for <see cref="ResyncAfterBlocks"/> blocks and <see cref="LateRunSeconds"/> in a row
/// (the driver re-phased after an xrun) move it later at once. A move larger than the resync
/// threshold after the first window is a <see cref="Resyncs">resync</see>. Both are published, so
/// a client can tell that the promise changed.</para>
/// <para>Frame times pass through a <see cref="JackFrameTracker"/> first, so a report from a
/// neighbouring cycle cannot relabel a block.</para>
/// </remarks>
public sealed class BlockStartClock
{
    /// <summary>Length of the window whose earliest wake-up decides a move later (s).</summary>
    public const double WindowSeconds = 0.5;

    /// <summary>Frames of slack kept between the timeline and the earliest wake-up when it moves
    /// later; it moves later once a window's earliest wake-up is twice that far.</summary>
    public const int SlackFrames = 2;

    /// <summary>Windows whose earliest wake-up must all be behind the timeline before it moves
    /// later: a few busy seconds do not move it, a drifting device does.</summary>
    public const int RecentWindows = 4;

    /// <summary>Callbacks that began more than the resync threshold before (or after) their cycle's
    /// start on the timeline must do so this many blocks in a row to move it at once: one
    /// mislabelled cycle or one late wake-up is not a new timeline.</summary>
    public const int ResyncAfterBlocks = 4;

    /// <summary>A run of callbacks all more than the resync threshold behind the timeline must also
    /// last this long (s) to move it later at once: a busy machine delays a few cycles in a row.</summary>
    public const double LateRunSeconds = 0.25;

    // Rebase the anchor every 10 s of frames so frame deltas stay small (exact: same line).
    private const long RebaseSeconds = 10;

    private readonly JackFrameTracker _frames = new();
    private readonly int _sampleRate;
    private readonly long _resyncThresholdNs;
    private readonly long _frameNs;
    private bool _anchored;
    private bool _settled;
    private uint _anchorFrame;
    private long _anchorNs;
    private long _windowStartFrame;
    private long _windowEarliestNs;
    private int _earlyBeyondThreshold;
    private int _lateRunBlocks;
    private uint _lateRunStartFrame;
    private long _lateRunEarliestNs;
    private readonly long[] _recentEarliestNs = new long[RecentWindows];
    private int _recentCount;
    private long _resyncs;
    private long _steps;

    /// <summary>A clock for <paramref name="sampleRate"/>; a move larger than
    /// <paramref name="resyncThresholdNs"/> counts as a resync.</summary>
    public BlockStartClock(int sampleRate, long resyncThresholdNs = 1_000_000)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(resyncThresholdNs);
        _sampleRate = sampleRate;
        _resyncThresholdNs = resyncThresholdNs;
        _frameNs = JackTime.FramesToNs(1, sampleRate);
    }

    /// <summary>Times the timeline moved by more than the resync threshold after its first window.</summary>
    public long Resyncs => Volatile.Read(ref _resyncs);

    /// <summary>Moves of the timeline by whole frames (each changes every later block start).</summary>
    public long Steps => Volatile.Read(ref _steps);

    /// <summary>Jumps of JACK's frame counter followed (xruns that skipped frames; the timeline stays).</summary>
    public long FrameJumps => _frames.Jumps;

    /// <summary>JACK frame of the cycle last returned by <see cref="Next"/>.</summary>
    public uint LastFrame { get; private set; }

    /// <summary>Start (ns) of the cycle of <paramref name="frames"/> frames that JACK reports
    /// starting at <paramref name="reportedFrame"/>, whose process callback began at
    /// <paramref name="callbackBeganNs"/> (both on one monotonic clock). Real-time safe.</summary>
    public long Next(uint reportedFrame, int frames, long callbackBeganNs)
    {
        uint frame = _frames.Next(reportedFrame, frames, out _);
        LastFrame = frame;
        if (!_anchored)
        {
            _anchored = true;
            Anchor(frame, callbackBeganNs);
            StartWindow(frame);
            return callbackBeganNs;
        }
        long framesSinceAnchor = (uint)(frame - _anchorFrame);
        long start = _anchorNs + JackTime.FramesToNs(framesSinceAnchor, _sampleRate);
        long lateness = callbackBeganNs - start;
        if (lateness < 0)
        {
            if (-lateness > _resyncThresholdNs && _settled && ++_earlyBeyondThreshold < ResyncAfterBlocks) return start;
            _earlyBeyondThreshold = 0;
            long earlier = CeilFrames(-lateness) * _frameNs;
            start -= earlier;
            Move(frame, start, -earlier);
            lateness = callbackBeganNs - start;
        }
        else
        {
            _earlyBeyondThreshold = 0;
        }
        _windowEarliestNs = Math.Min(_windowEarliestNs, lateness);
        if (lateness > _resyncThresholdNs)
        {
            if (_lateRunBlocks++ == 0)
            {
                _lateRunStartFrame = frame;
                _lateRunEarliestNs = lateness;
            }
            _lateRunEarliestNs = Math.Min(_lateRunEarliestNs, lateness);
        }
        else
        {
            _lateRunBlocks = 0;
        }
        // Every callback far behind the timeline for a while: the driver re-phased (after an
        // xrun); waiting for the windows would promise samples already rendered.
        if (_lateRunBlocks >= ResyncAfterBlocks && (uint)(frame - _lateRunStartFrame) >= LateRunSeconds * _sampleRate)
        {
            start = MoveLater(frame, start, _lateRunEarliestNs);
            StartWindow(frame);
        }
        else if ((uint)(frame - (uint)_windowStartFrame) >= WindowSeconds * _sampleRate)
        {
            _recentEarliestNs[_recentCount++ % RecentWindows] = _windowEarliestNs;
            long earliest = long.MaxValue;
            for (int i = 0; i < Math.Min(_recentCount, RecentWindows); i++) earliest = Math.Min(earliest, _recentEarliestNs[i]);
            start = MoveLater(frame, start, earliest);
            _settled = true;
            StartWindow(frame);
        }
        if (framesSinceAnchor >= RebaseSeconds * _sampleRate) Anchor(frame, start);
        return start;
    }

    /// <summary>Forgets the anchor: the next block starts a new timeline (after a restart).</summary>
    public void Reset()
    {
        _anchored = false;
        _settled = false;
        _earlyBeyondThreshold = 0;
        _lateRunBlocks = 0;
        _recentCount = 0;
        _frames.Reset();
    }

    private long CeilFrames(long ns) => (ns + _frameNs - 1) / _frameNs;

    // Moves later by whole frames when the earliest wake-up is at least twice the slack behind,
    // keeping the slack.
    private long MoveLater(uint frame, long start, long earliestNs)
    {
        long later = earliestNs / _frameNs - SlackFrames;
        if (later < SlackFrames) return start;
        start += later * _frameNs;
        Move(frame, start, later * _frameNs);
        _lateRunBlocks = 0;
        return start;
    }

    // Every lateness kept so far was measured against the old line.
    private void Move(uint frame, long start, long byNs)
    {
        Anchor(frame, start);
        _windowEarliestNs = _windowEarliestNs == long.MaxValue ? long.MaxValue : _windowEarliestNs - byNs;
        for (int i = 0; i < Math.Min(_recentCount, RecentWindows); i++) _recentEarliestNs[i] -= byNs;
        if (_settled && Math.Abs(byNs) > _resyncThresholdNs) Volatile.Write(ref _resyncs, _resyncs + 1);
        else Volatile.Write(ref _steps, _steps + 1);
    }

    private void StartWindow(uint frame)
    {
        _windowStartFrame = frame;
        _windowEarliestNs = long.MaxValue;
    }

    private void Anchor(uint frame, long ns)
    {
        _anchorFrame = frame;
        _anchorNs = ns;
    }
}
