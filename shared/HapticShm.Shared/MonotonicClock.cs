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

    /// <summary>Converts a duration in seconds to nanoseconds.</summary>
    public static long SecondsToNs(double seconds) => (long)(seconds * 1e9);
}
