namespace HapticShm.Cli.Bench;

/// <summary>What <c>bench engine</c> measured; the JSON field names are a contract.</summary>
internal sealed record EngineBenchResult(
    double RealtimeFactor,
    double NsPerFrame,
    long AllocatedBytes,
    double Seconds,
    long Frames,
    int Channels,
    int SampleRate,
    int BlockFrames,
    int ActiveVoices);
