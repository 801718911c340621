using HapticShm.Engine.Audio;

namespace HapticShm.Server.Tests;

/// <summary>
/// A render callback that writes a distinct, exactly representable ramp to every channel and
/// records each block's start time, the clock's resync count and the time it ran, into
/// preallocated arrays (allocation-free).
/// </summary>
public sealed class RampSignal(int maxBlocks, Func<long>? resyncs = null)
{
    private const int Wrap = 65536;
    private readonly long[] _blockStarts = new long[maxBlocks];
    private readonly long[] _ranAt = new long[maxBlocks];
    private readonly long[] _resyncs = new long[maxBlocks];
    private long _samples;
    private int _blocks;

    public int Blocks => Volatile.Read(ref _blocks);

    public int RecordedBlocks => Math.Min(Blocks, _blockStarts.Length);

    public long BlockStart(int block) => _blockStarts[block];

    public long RanAt(int block) => _ranAt[block];

    public long ResyncsBefore(int block) => _resyncs[block];

    /// <summary>The value of sample <paramref name="n"/> (counted from the first block) on channel <paramref name="channel"/>: never 0, k/65536.</summary>
    public static float Value(int channel, long n) => ((n + channel * 7919L) % Wrap + 1) / (float)Wrap;

    /// <summary>The sample index (mod 65536) that produced <paramref name="value"/> on channel <paramref name="channel"/>.</summary>
    public static long IndexOf(int channel, float value) => (((long)MathF.Round(value * Wrap) - 1 - channel * 7919L) % Wrap + Wrap) % Wrap;

    public void Render(ChannelBuffers output, long blockStartNs)
    {
        long now = HapticShm.Shared.MonotonicClock.NowNs();
        for (int c = 0; c < output.ChannelCount; c++)
        {
            Span<float> channel = output[c];
            for (int i = 0; i < channel.Length; i++) channel[i] = Value(c, _samples + i);
        }
        _samples += output.Frames;
        int block = _blocks;
        if (block < _blockStarts.Length)
        {
            _blockStarts[block] = blockStartNs;
            _ranAt[block] = now;
            _resyncs[block] = resyncs?.Invoke() ?? 0;
        }
        Volatile.Write(ref _blocks, block + 1);
    }
}
