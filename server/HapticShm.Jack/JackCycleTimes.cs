namespace HapticShm.Jack;

/// <summary>What jack_get_cycle_times reports for the current process cycle.</summary>
/// <param name="CurrentFrames">JACK frame time of the cycle's first frame.</param>
/// <param name="CurrentUsecs">JACK time (µs) of the cycle's first frame, from JACK's filtered frame timer.</param>
/// <param name="NextUsecs">JACK time (µs) of the next cycle's first frame.</param>
/// <param name="PeriodUsecs">Filtered period length in µs.</param>
public readonly record struct JackCycleTimes(uint CurrentFrames, ulong CurrentUsecs, ulong NextUsecs, float PeriodUsecs)
{
    /// <summary><see cref="CurrentUsecs"/> on <see cref="HapticShm.Shared.MonotonicClock"/>, in ns.</summary>
    public long CurrentMonotonicNs => JackTime.UsecsToMonotonicNs(CurrentUsecs);
}
