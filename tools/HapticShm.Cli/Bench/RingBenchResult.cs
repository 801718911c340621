namespace HapticShm.Cli.Bench;

/// <summary>What <c>bench ring</c> measured; the JSON field names are a contract.</summary>
internal sealed record RingBenchResult(
    double CommandsPerSecond,
    double PushNs,
    long LatencyP50Ns,
    long LatencyP99Ns,
    long LatencyMaxNs,
    long Dropped,
    long Lost,
    long Received,
    double Seconds,
    int Capacity);
