namespace HapticShm.Cli.Bench;

/// <summary>What <c>bench engine</c> measured; the JSON field names are a contract. The wall-clock
/// figures are the target's; the CPU-time ones (this process's processor time over the same loop)
/// stay meaningful when other processes compete for the cores.</summary>
internal sealed record EngineBenchResult(
    double RealtimeFactor,
    double NsPerFrame,
    double CpuRealtimeFactor,
    double CpuNsPerFrame,
    long AllocatedBytes,
    double Seconds,
    long Frames,
    int Channels,
    int SampleRate,
    int BlockFrames,
    int ActiveVoices,
    int WaveVoices,
    int StandingVoices,
    int PhantomVoices,
    int LowestNote);
