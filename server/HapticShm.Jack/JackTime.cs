namespace HapticShm.Jack;

/// <summary>
/// JACK time and the protocol's clock. jack2 on Linux reads time with
/// clock_gettime(CLOCK_MONOTONIC) and reports microseconds (linux/JackLinuxTime.c, the default
/// "system" clock source); <see cref="HapticShm.Shared.MonotonicClock"/> is the same clock in ns.
/// A test checks the two agree on this machine.
/// </summary>
public static class JackTime
{
    /// <summary>Converts a JACK time (µs) to <see cref="HapticShm.Shared.MonotonicClock"/> ns.</summary>
    public static long UsecsToMonotonicNs(ulong usecs) => (long)usecs * 1000;

    /// <summary>Now according to libjack (jack_get_time), in <see cref="HapticShm.Shared.MonotonicClock"/> ns.</summary>
    public static long NowMonotonicNs() => UsecsToMonotonicNs(Interop.Jack.jack_get_time());

    /// <summary>Duration of <paramref name="frames"/> frames at <paramref name="sampleRate"/> in ns,
    /// truncated to the nanosecond below (never drifts: whole seconds are split off first).</summary>
    public static long FramesToNs(long frames, int sampleRate)
    {
        long seconds = Math.DivRem(frames, sampleRate, out long rest);
        return seconds * 1_000_000_000 + rest * 1_000_000_000 / sampleRate;
    }
}
