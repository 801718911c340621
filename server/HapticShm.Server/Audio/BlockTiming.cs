namespace HapticShm.Server.Audio;

/// <summary>
/// What follows from the device's block size: the fixed latency every command is played at, the
/// callback period the load is measured against, and how many blocks make a load window and a
/// status publication. Computed again whenever the block size changes (an ASIO reset, a JACK
/// buffer-size change), never cached from start-up.
/// </summary>
public readonly record struct BlockTiming(int SampleRate, int BlockSize, long FixedLatencyNs, double PeriodNs, int BlocksPerSecond, int BlocksPerPublish)
{
    /// <summary>The timing of <paramref name="blockSize"/>-frame blocks at <paramref name="sampleRate"/>.</summary>
    /// <param name="latencyMarginNs">Added to the two blocks of latency to absorb scheduling jitter.</param>
    public static BlockTiming For(int sampleRate, int blockSize, long latencyMarginNs)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(blockSize);
        double periodNs = blockSize * 1e9 / sampleRate;
        // A command stamped "now" waits at most one block for the next callback, whose output
        // starts one block later (the device buffer); the margin absorbs scheduling jitter.
        long fixedLatencyNs = (long)(2 * periodNs) + latencyMarginNs;
        int blocksPerSecond = Math.Max(1, sampleRate / blockSize);
        return new BlockTiming(sampleRate, blockSize, fixedLatencyNs, periodNs, blocksPerSecond, Math.Max(1, blocksPerSecond / 100)); // publish about every 10 ms
    }
}
