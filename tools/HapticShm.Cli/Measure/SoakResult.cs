namespace HapticShm.Cli.Measure;

/// <summary>What <c>soak</c> measured. Xruns are attributed to us only if the server's longest
/// callback reached the block period: an xrun while every callback finished well inside its
/// period is the machine's scheduling (other processes, no real-time priority), not our work.
/// <see cref="AllocatedBytes"/> and <see cref="GcCount"/> count the steady storm (from one
/// second after the last client connected until before any left); the totals since the server
/// became ready include the handshakes.</summary>
internal sealed record SoakResult(
    string Backend,
    int BlockSize,
    double Minutes,
    int Clients,
    long Sent,
    long Xruns,
    long XrunsCausedByUs,
    long DriverXruns,
    double CallbackLoadMeanPercent,
    double CallbackLoadMaxPercent,
    double MaxCallbackUs,
    double PeriodUs,
    long GcCount,
    long AllocatedBytes,
    long GcCountSinceReady,
    long AllocatedBytesSinceReady,
    long Dropped,
    long Rejected,
    long Late,
    long UnexplainedLoss,
    int PeakVoices);
