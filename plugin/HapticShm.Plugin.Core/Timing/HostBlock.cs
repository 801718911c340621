namespace HapticShm.Plugin.Core.Timing;

/// <summary>What the host tells us about one block (ProcessData and its ProcessContext), without
/// VST3 types. Flags say which optional fields the host filled in.</summary>
public struct HostBlock
{
    /// <summary>Our monotonic clock, read once on entry to process().</summary>
    public long NowNs;
    public int NumSamples;
    public HostProcessMode Mode;
    /// <summary>The context's sample rate; 0 when the host gave no context.</summary>
    public double SampleRate;

    /// <summary>The host's sample position that never loops or locates (kContTimeValid).</summary>
    public bool HasContinuousTime;
    public long ContinuousTimeSamples;

    /// <summary>The host's time of the block start in ns, on a clock of its own (kSystemTimeValid).</summary>
    public bool HasSystemTime;
    public long SystemTimeNs;

    /// <summary>A context was given: <see cref="IsPlaying"/> and <see cref="ProjectTimeSamples"/> are meaningful.</summary>
    public bool HasTransport;
    public bool IsPlaying;
    public long ProjectTimeSamples;

    /// <summary>A block with nothing but the clock reading (a host without ProcessContext).</summary>
    public static HostBlock Bare(long nowNs, int numSamples) => new() { NowNs = nowNs, NumSamples = numSamples };
}
