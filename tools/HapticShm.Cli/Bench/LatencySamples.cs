namespace HapticShm.Cli.Bench;

/// <summary>Latency samples in a preallocated buffer; percentiles by sorting at the end.</summary>
internal sealed class LatencySamples(int capacity)
{
    private readonly long[] _samples = new long[capacity];
    private int _count;

    public int Count => _count;

    public void Add(long valueNs)
    {
        if (_count < _samples.Length) _samples[_count++] = valueNs;
    }

    /// <summary>Percentile (0..100) by nearest rank; 0 when empty.</summary>
    public long Percentile(double percent)
    {
        if (_count == 0) return 0;
        Span<long> sorted = _samples.AsSpan(0, _count);
        sorted.Sort();
        int rank = (int)Math.Ceiling(percent / 100.0 * _count) - 1;
        return sorted[Math.Clamp(rank, 0, _count - 1)];
    }
}
