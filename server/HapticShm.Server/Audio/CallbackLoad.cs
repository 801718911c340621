namespace HapticShm.Server.Audio;

/// <summary>Callback time as a share of the block period: mean and max over the last second,
/// and the longest callback since start. Updated on the audio thread only.</summary>
public sealed class CallbackLoad(double periodNs, int blocksPerWindow)
{
    private long _windowSumNs;
    private long _windowMaxNs;
    private int _windowBlocks;

    public float MeanPercent { get; private set; }
    public float MaxPercent { get; private set; }
    public long MaxNsSinceStart { get; private set; }
    public long Overruns { get; private set; }

    public void Add(long durationNs)
    {
        _windowSumNs += durationNs;
        if (durationNs > _windowMaxNs) _windowMaxNs = durationNs;
        if (durationNs > MaxNsSinceStart) MaxNsSinceStart = durationNs;
        if (durationNs > periodNs) Overruns++;
        if (++_windowBlocks < blocksPerWindow) return;
        MeanPercent = (float)(100.0 * _windowSumNs / _windowBlocks / periodNs);
        MaxPercent = (float)(100.0 * _windowMaxNs / periodNs);
        _windowSumNs = _windowMaxNs = 0;
        _windowBlocks = 0;
    }
}
