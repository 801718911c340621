using HapticShm.Shared.Status;

namespace HapticShm.Plugin.Core.Timing;

/// <summary>
/// Decides, block by block, whether the host's system time may stand in for our clock, and
/// where it lies on ours. Hosts get it wrong: Ardour 7.3 flags microseconds as valid nanoseconds.
/// </summary>
/// <remarks>
/// Design: every block gives a pair (our clock on entry to process(), the host's time of the
/// block). Their difference, the offset, holds still for a good clock up to the delay with which
/// the host calls us after stamping the block: milliseconds, now and then far more (a scheduler
/// hiccup). A late call only makes the offset bigger, so the smallest offset of the run
/// (<see cref="OffsetNs"/>) is the reference. The host's clock is refused when
/// - its time does not advance from one block to the next (<see cref="HostClockFault.StandsStill"/>,
///   <see cref="HostClockFault.RunsBackwards"/>);
/// - the offset drops more than <see cref="DriftLimitNs"/> below the reference: the host's clock
///   leapt ahead, which no call delay explains (<see cref="HostClockFault.Jumped"/>);
/// - the offset stays more than <see cref="DriftLimitNs"/> above the reference for longer than
///   <see cref="DriftLimitNs"/> of our time: the host's clock falls behind ours, which a late
///   call followed by quick ones does not do (<see cref="HostClockFault.WrongRate"/>, with the rate
///   since the window began: a microsecond clock shows 0.001x within 100 ms);
/// - the smallest offsets of two windows of <see cref="WindowNs"/> differ by more than
///   <see cref="RateTolerance"/> of a window (<see cref="HostClockFault.WrongRate"/>).
/// The host's clock is used after one clean window; after a refusal, after <see cref="ReadmitWindows"/>
/// clean windows (a clock that misbehaves now and then does not make the stamps switch back and
/// forth). Checked on every block while in use. The host's time + <see cref="OffsetNs"/> is its
/// time on our clock (the host may use another epoch, and it stamps the block before it calls us).
/// Audio thread only; no allocation, no lock, no exception.
/// </remarks>
public sealed class HostClockCheck
{
    public const long WindowNs = 1_000_000_000;
    public const double RateTolerance = 0.02;
    public const long DriftLimitNs = 50_000_000;
    public const int ReadmitWindows = 10;

    private bool _running;
    private bool _accepted;
    private bool _hasPreviousWindow;
    private long _lastHostNs;
    private long _windowNowNs;
    private long _windowHostNs;
    private long _windowMinOffsetNs;
    private long _previousWindowMinOffsetNs;
    private long _behindSinceNs;
    private int _cleanWindows;
    private int _rejections;

    /// <summary>Which clock the stamps follow now, and why the host's was refused.</summary>
    public ClockSourceStatus Status { get; private set; }

    /// <summary>Our clock minus the host's, smallest over the clean run: host time + this = our time.</summary>
    public long OffsetNs { get; private set; }

    /// <summary>Times the host's clock was refused since <see cref="Reset"/>.</summary>
    public int Rejections => _rejections;

    /// <summary>Judges one block with the host's time; true when that time may be used for it.</summary>
    public bool Check(long nowNs, long hostNs)
    {
        if (!_running)
        {
            StartRun(nowNs, hostNs);
            if (Status.Source != ClockSource.HostClockRejected) Status = new(ClockSource.Checking);
            return false;
        }
        long hostStep = hostNs - _lastHostNs;
        _lastHostNs = hostNs;
        if (hostStep <= 0)
            return Reject(hostStep == 0 ? HostClockFault.StandsStill : HostClockFault.RunsBackwards, hostStep / 1e6, nowNs, hostNs);
        long offset = nowNs - hostNs;
        if (offset < OffsetNs - DriftLimitNs) return Reject(HostClockFault.Jumped, (OffsetNs - offset) / 1e6, nowNs, hostNs);
        if (offset > OffsetNs + DriftLimitNs)
        {
            if (_behindSinceNs == long.MinValue) _behindSinceNs = nowNs;
            else if (nowNs - _behindSinceNs > DriftLimitNs) return Reject(HostClockFault.WrongRate, WindowRate(nowNs, hostNs), nowNs, hostNs);
        }
        else
        {
            _behindSinceNs = long.MinValue;
        }
        OffsetNs = Math.Min(OffsetNs, offset);
        _windowMinOffsetNs = Math.Min(_windowMinOffsetNs, offset);
        if (nowNs - _windowNowNs >= WindowNs) return EndWindow(nowNs, hostNs, offset);
        return _accepted;
    }

    /// <summary>A block without the host's time: the own fit, and the check starts over when it comes.</summary>
    public void NoHostTime()
    {
        _running = false;
        _accepted = false;
        Status = new(ClockSource.OwnFit);
    }

    /// <summary>Forgets everything (a new activation).</summary>
    public void Reset()
    {
        NoHostTime();
        _rejections = 0;
        Status = default;
    }

    private double WindowRate(long nowNs, long hostNs) =>
        nowNs == _windowNowNs ? 0 : (hostNs - _windowHostNs) / (double)(nowNs - _windowNowNs);

    // The rate from the drift of the smallest offsets (a late call cannot move them) from one
    // window to the next.
    private bool EndWindow(long nowNs, long hostNs, long offset)
    {
        double rate = 1 - (_windowMinOffsetNs - _previousWindowMinOffsetNs) / (double)(nowNs - _windowNowNs);
        if (_hasPreviousWindow && !(Math.Abs(rate - 1) <= RateTolerance)) return Reject(HostClockFault.WrongRate, rate, nowNs, hostNs);
        _hasPreviousWindow = true;
        _previousWindowMinOffsetNs = _windowMinOffsetNs;
        _windowMinOffsetNs = offset;
        _windowNowNs = nowNs;
        _windowHostNs = hostNs;
        if (++_cleanWindows >= (_rejections == 0 ? 1 : ReadmitWindows) && !_accepted)
        {
            _accepted = true;
            Status = new(ClockSource.HostClock);
        }
        return _accepted;
    }

    private bool Reject(HostClockFault fault, double value, long nowNs, long hostNs)
    {
        _rejections++;
        _accepted = false;
        Status = new(ClockSource.HostClockRejected, fault, (float)value);
        StartRun(nowNs, hostNs);
        return false;
    }

    private void StartRun(long nowNs, long hostNs)
    {
        _running = true;
        _hasPreviousWindow = false;
        _windowNowNs = nowNs;
        _lastHostNs = _windowHostNs = hostNs;
        OffsetNs = _windowMinOffsetNs = nowNs - hostNs;
        _behindSinceNs = long.MinValue;
        _cleanWindows = 0;
    }
}
