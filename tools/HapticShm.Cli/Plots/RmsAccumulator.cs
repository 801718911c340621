using HapticShm.Engine.Audio;

namespace HapticShm.Cli.Plots;

/// <summary>Turns rendered blocks of any size into a per-channel RMS matrix with one column per
/// <see cref="SamplesPerColumn"/> samples (the last column may be partial).</summary>
public sealed class RmsAccumulator
{
    private readonly double[] _sumSquares;
    private readonly List<float[]> _columns = [];
    private int _samplesInColumn;

    /// <summary>Columns of <paramref name="columnSeconds"/> (rounded to whole samples, at least one).</summary>
    public RmsAccumulator(int channelCount, int sampleRate, double columnSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channelCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        if (!(columnSeconds > 0)) throw new ArgumentOutOfRangeException(nameof(columnSeconds), columnSeconds, "a positive duration");
        ChannelCount = channelCount;
        SampleRate = sampleRate;
        SamplesPerColumn = Math.Max(1, (int)Math.Round(columnSeconds * sampleRate));
        _sumSquares = new double[channelCount];
    }

    public int ChannelCount { get; }

    public int SampleRate { get; }

    public int SamplesPerColumn { get; }

    /// <summary>Exact column duration after rounding to samples.</summary>
    public double SecondsPerColumn => (double)SamplesPerColumn / SampleRate;

    /// <summary>Columns so far, a partial last one included.</summary>
    public int ColumnCount => _columns.Count + (_samplesInColumn > 0 ? 1 : 0);

    /// <summary>Adds one rendered block.</summary>
    public void Add(ChannelBuffers block)
    {
        if (block.ChannelCount != ChannelCount) throw new ArgumentException($"block has {block.ChannelCount} channels, expected {ChannelCount}");
        int done = 0;
        while (done < block.Frames)
        {
            int take = Math.Min(block.Frames - done, SamplesPerColumn - _samplesInColumn);
            for (int c = 0; c < ChannelCount; c++) _sumSquares[c] += SumOfSquares(block[c].Slice(done, take));
            Advance(take);
            done += take;
        }
    }

    /// <summary>Adds <paramref name="frames"/> samples from <paramref name="offset"/> of each planar channel.</summary>
    public void Add(IReadOnlyList<float[]> channels, int offset, int frames)
    {
        ArgumentNullException.ThrowIfNull(channels);
        if (channels.Count != ChannelCount) throw new ArgumentException($"{channels.Count} channels given, expected {ChannelCount}");
        int done = 0;
        while (done < frames)
        {
            int take = Math.Min(frames - done, SamplesPerColumn - _samplesInColumn);
            for (int c = 0; c < ChannelCount; c++) _sumSquares[c] += SumOfSquares(channels[c].AsSpan(offset + done, take));
            Advance(take);
            done += take;
        }
    }

    /// <summary>RMS by [channel, column].</summary>
    public float[,] ToMatrix()
    {
        var matrix = new float[ChannelCount, ColumnCount];
        for (int col = 0; col < _columns.Count; col++)
            for (int c = 0; c < ChannelCount; c++) matrix[c, col] = _columns[col][c];
        if (_samplesInColumn > 0)
            for (int c = 0; c < ChannelCount; c++) matrix[c, _columns.Count] = (float)Math.Sqrt(_sumSquares[c] / _samplesInColumn);
        return matrix;
    }

    private void Advance(int samples)
    {
        _samplesInColumn += samples;
        if (_samplesInColumn < SamplesPerColumn) return;
        var column = new float[ChannelCount];
        for (int c = 0; c < ChannelCount; c++) column[c] = (float)Math.Sqrt(_sumSquares[c] / SamplesPerColumn);
        _columns.Add(column);
        Array.Clear(_sumSquares);
        _samplesInColumn = 0;
    }

    private static double SumOfSquares(ReadOnlySpan<float> samples)
    {
        double sum = 0;
        for (int i = 0; i < samples.Length; i++) sum += (double)samples[i] * samples[i];
        return sum;
    }
}
