namespace HapticShm.Server.Backends.Asio;

/// <summary>
/// Maps the driver's per-block system time onto <see cref="HapticShm.Shared.MonotonicClock"/>.
/// </summary>
/// <remarks>
/// ASIO's systemTime is "the system time of the buffer switch" in nanoseconds; on Windows most
/// drivers take it from timeGetTime (1 ms steps, a different epoch), some from
/// QueryPerformanceCounter. We estimate offset = monotonic - systemTime from samples
/// <c>now - systemTime</c> taken in the callback: each sample is the true offset plus the
/// callback's wake-up delay plus the timestamp's truncation, all non-negative, so the estimate
/// follows the lower envelope (a smaller sample replaces it at once) and creeps up by 1/256 of
/// the excess per block so it can follow drift between the two clocks. Without a valid system
/// time the block is anchored at "now". Either way the block is heard one output latency later.
/// Audio-thread only; no allocation.
/// </remarks>
public sealed class AsioClockMapper
{
    private long _offsetNs;
    private bool _hasOffset;

    /// <summary>The current estimate of MonotonicClock minus the driver's system time.</summary>
    public long OffsetNs => _offsetNs;

    /// <summary>Forgets the estimate (the driver restarted, its clock may have jumped).</summary>
    public void Reset() => _hasOffset = false;

    /// <summary>When the first frame of the block being rendered is heard, on MonotonicClock.</summary>
    /// <param name="systemTimeNs">Driver system time of the buffer switch, or null if invalid.</param>
    /// <param name="nowNs">MonotonicClock now, read in the callback.</param>
    /// <param name="outputLatencyNs">Driver-reported output latency.</param>
    public long BlockStartNs(long? systemTimeNs, long nowNs, long outputLatencyNs)
    {
        if (systemTimeNs is not long system) return nowNs + outputLatencyNs;
        long sample = nowNs - system;
        if (!_hasOffset || sample < _offsetNs)
        {
            _offsetNs = sample;
            _hasOffset = true;
        }
        else
        {
            _offsetNs += (sample - _offsetNs) >> 8;
        }
        return system + _offsetNs + outputLatencyNs;
    }
}
