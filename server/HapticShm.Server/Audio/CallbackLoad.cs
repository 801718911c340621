namespace HapticShm.Server.Audio;

/// <summary>Callback time as a share of the block period: mean and max over the last second,
/// and the longest callback since start. Updated on the audio thread only.</summary>
public sealed class CallbackLoad(double periodNs, int blocksPerWindow)
{
    private double _periodNs = periodNs;
    private int _blocksPerWindow = blocksPerWindow;
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
        if (durationNs > _periodNs) Overruns++;
        if (++_windowBlocks < _blocksPerWindow) return;
        MeanPercent = (float)(100.0 * _windowSumNs / _windowBlocks / _periodNs);
        MaxPercent = (float)(100.0 * _windowMaxNs / _periodNs);
        _windowSumNs = _windowMaxNs = 0;
        _windowBlocks = 0;
    }

    /// <summary>Measures against a new period from the next block on (the block size changed);
    /// the window under way starts again.</summary>
    public void ChangePeriod(double periodNs, int blocksPerWindow)
    {
        _periodNs = periodNs;
        _blocksPerWindow = blocksPerWindow;
        _windowSumNs = _windowMaxNs = 0;
        _windowBlocks = 0;
    }
}
