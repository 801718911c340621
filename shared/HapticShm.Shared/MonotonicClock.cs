using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace HapticShm.Shared;

/// <summary>
/// The clock every timestamp in the protocol is on: <see cref="Stopwatch.GetTimestamp"/> in
/// nanoseconds. On Linux that is CLOCK_MONOTONIC, the same in every process of the machine;
/// reading it is a vDSO call, not a syscall.
/// </summary>
public static class MonotonicClock
{
    private static readonly double NsPerTick = 1e9 / Stopwatch.Frequency;
    private static readonly bool TicksAreNs = Stopwatch.Frequency == 1_000_000_000;

    /// <summary>Now, in nanoseconds.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long NowNs() => TicksAreNs ? Stopwatch.GetTimestamp() : (long)(Stopwatch.GetTimestamp() * NsPerTick);

    /// <summary>Duration of <paramref name="frames"/> frames at <paramref name="sampleRate"/> in ns,
    /// truncated towards zero (never drifts: whole seconds are split off first). The server's
    /// timeline is built with it, so a client that uses it lands on the server's nanosecond.</summary>
    public static long FramesToNs(long frames, int sampleRate)
    {
        long seconds = Math.DivRem(frames, sampleRate, out long rest);
        return seconds * 1_000_000_000 + rest * 1_000_000_000 / sampleRate;
    }

    /// <summary>Converts a duration in seconds to nanoseconds.</summary>
    public static long SecondsToNs(double seconds) => (long)(seconds * 1e9);
}
