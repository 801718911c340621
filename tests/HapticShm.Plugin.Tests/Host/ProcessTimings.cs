using System.Diagnostics;

namespace HapticShm.Plugin.Tests.Host;

/// <summary>Durations of process() calls, recorded into a preallocated array (the recording
/// thread allocates nothing), summarised as p50 / p99 / max.</summary>
internal sealed class ProcessTimings(int capacity)
{
    private readonly long[] _ticks = new long[capacity];

    public int Count { get; private set; }

    public void Add(long ticks)
    {
        if (Count < _ticks.Length) _ticks[Count++] = ticks;
    }

    public double MaxMs => Count == 0 ? 0 : Ms(_ticks.AsSpan(0, Count).ToArray().Max());

    public double PercentileMs(double fraction)
    {
        if (Count == 0) return 0;
        long[] sorted = _ticks.AsSpan(0, Count).ToArray();
        Array.Sort(sorted);
        return Ms(sorted[Math.Min(Count - 1, (int)(fraction * Count))]);
    }

    public string Summary() =>
        $"{Count} calls: p50 {PercentileMs(0.5) * 1000:F1} us, p99 {PercentileMs(0.99) * 1000:F1} us, max {MaxMs * 1000:F1} us";

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
