using HapticShm.Shared.Status;

namespace HapticShm.Plugin.Core.Timing;

/// <summary>
/// Decides, block by block, whether the host's system time may stand in for our clock, and
/// where it lies on ours. Hosts get it wrong: Ardour 7.3 flags microseconds as valid nanoseconds.
/// </summary>
/// <remarks>
/// Design: every block gives a pair (our clock on entry to process(), the host's time of the
/// block). Their difference, the offset, holds still for a good clock up to the delay with which
/// the host calls us after stamping the block (milliseconds). The host's clock is refused when
/// - its time does not advance from one block to the next (<see cref="HostClockFault.StandsStill"/>,
///   <see cref="HostClockFault.RunsBackwards"/>);
/// - the offset moves more than <see cref="DriftLimitNs"/> inside one check window: in one block
///   (<see cref="HostClockFault.Jumped"/>) or gradually (<see cref="HostClockFault.WrongRate"/>, with the
///   rate since the window began: a microsecond clock shows 0.001x within 50 ms of real time);
/// - at the end of a window of <see cref="WindowNs"/>, its rate against ours is off by more than
///   <see cref="RateTolerance"/> (<see cref="HostClockFault.WrongRate"/>).
/// A block longer than <see cref="DriftLimitNs"/> cannot tell a jump from a rate by itself; it is
/// reported as a rate. The host's clock is used after one clean window; after a refusal, after
/// <see cref="ReadmitWindows"/> clean windows (a host that jumps once in a while does not make the
/// stamps switch back and forth). Checked on every block while in use. <see cref="OffsetNs"/>, the
/// smallest offset of the clean run, moves the host's time onto ours (the host may use another
/// epoch, and it stamps the block before it calls us).
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
    private long _lastNowNs;
    private long _lastHostNs;
    private long _windowNowNs;
    private long _windowHostNs;
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
        long hostStep = hostNs - _lastHostNs, ourStep = nowNs - _lastNowNs;
        _lastNowNs = nowNs;
        _lastHostNs = hostNs;
        if (hostStep <= 0)
            return Reject(hostStep == 0 ? HostClockFault.StandsStill : HostClockFault.RunsBackwards, hostStep / 1e6, nowNs, hostNs);
        long drift = (_windowHostNs - _windowNowNs) - (hostNs - nowNs);
        // Comparisons rather than Math.Abs, which throws on long.MinValue (a host may send anything).
        if (drift > DriftLimitNs || drift < -DriftLimitNs)
        {
            long stepDrift = ourStep - hostStep;
            bool oneStep = ourStep < DriftLimitNs && (stepDrift > DriftLimitNs / 2 || stepDrift < -DriftLimitNs / 2);
            return oneStep
                ? Reject(HostClockFault.Jumped, (hostStep - ourStep) / 1e6, nowNs, hostNs)
                : Reject(HostClockFault.WrongRate, WindowRate(nowNs, hostNs), nowNs, hostNs);
        }
        OffsetNs = Math.Min(OffsetNs, nowNs - hostNs);
        if (nowNs - _windowNowNs >= WindowNs)
        {
            double rate = WindowRate(nowNs, hostNs);
            if (!(Math.Abs(rate - 1) <= RateTolerance)) return Reject(HostClockFault.WrongRate, rate, nowNs, hostNs);
            _windowNowNs = nowNs;
            _windowHostNs = hostNs;
            if (++_cleanWindows >= (_rejections == 0 ? 1 : ReadmitWindows) && !_accepted)
            {
                _accepted = true;
                Status = new(ClockSource.HostClock);
            }
        }
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
        _lastNowNs = _windowNowNs = nowNs;
        _lastHostNs = _windowHostNs = hostNs;
        _cleanWindows = 0;
        OffsetNs = nowNs - hostNs;
    }
}
