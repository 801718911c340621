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
/// earlier at once, by whole frames. The smallest lateness of each window of about
/// <see cref="WindowSeconds"/> says how far the timeline could move later and still precede every
/// wake-up: when that reaches twice <see cref="SlackFrames"/> frames, it moves later by whole
/// frames, keeping <see cref="SlackFrames"/> of slack (so wake-ups whose best case varies by a frame
/// or two between windows do not rock it). So noisy wake-ups never move it, a drifting device clock (100 ppm:
/// five frames a second) is followed within a few frames, and each move is counted
/// (<see cref="Steps"/>). Callbacks all more than the resync threshold behind it for
/// <see cref="ResyncAfterBlocks"/> blocks in a row move it later at once. A move larger than the resync threshold after the first window (the
/// driver re-phased after an xrun, freewheeling) is a <see cref="Resyncs">resync</see>. Both are
/// published, so a client can tell that the promise changed.</para>
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

    /// <summary>Callbacks that began more than the resync threshold before (or after) their cycle's
    /// start on the timeline must do so this many blocks in a row to move it at once: one
    /// mislabelled cycle or one late wake-up is not a new timeline.</summary>
    public const int ResyncAfterBlocks = 4;

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
    private int _lateBeyondThreshold;
    private long _lateRunEarliestNs;
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
            start -= CeilFrames(-lateness) * _frameNs;
            Move(frame, start, -lateness);
            lateness = callbackBeganNs - start;
        }
        else
        {
            _earlyBeyondThreshold = 0;
        }
        _windowEarliestNs = Math.Min(_windowEarliestNs, lateness);
        if (lateness > _resyncThresholdNs)
        {
            _lateRunEarliestNs = _lateBeyondThreshold++ == 0 ? lateness : Math.Min(_lateRunEarliestNs, lateness);
        }
        else
        {
            _lateBeyondThreshold = 0;
        }
        bool windowEnds = (uint)(frame - (uint)_windowStartFrame) >= WindowSeconds * _sampleRate;
        // Every callback far behind the timeline for some blocks in a row: the driver re-phased
        // (after an xrun); waiting for the window to end would promise samples already rendered.
        bool lateRun = _lateBeyondThreshold >= ResyncAfterBlocks;
        if (windowEnds || lateRun)
        {
            long later = (lateRun ? _lateRunEarliestNs : _windowEarliestNs) / _frameNs - SlackFrames;
            if (later >= SlackFrames)
            {
                start += later * _frameNs;
                Move(frame, start, later * _frameNs);
            }
            if (windowEnds) _settled = true;
            _lateBeyondThreshold = 0;
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
        _lateBeyondThreshold = 0;
        _frames.Reset();
    }

    private long CeilFrames(long ns) => (ns + _frameNs - 1) / _frameNs;

    private void Move(uint frame, long start, long byNs)
    {
        Anchor(frame, start);
        if (_settled && byNs > _resyncThresholdNs) Volatile.Write(ref _resyncs, _resyncs + 1);
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
