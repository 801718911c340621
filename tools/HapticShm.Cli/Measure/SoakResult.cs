namespace HapticShm.Cli.Measure;

/// <summary>What <c>soak</c> measured. Xruns are attributed to us only if the server's longest
/// callback reached the block period while real-time scheduling was allowed: an xrun while every
/// callback finished inside its period is the machine's; and without real-time scheduling
/// (jackd -R fell back to normal threads: no RLIMIT_RTPRIO, no CAP_SYS_NICE) a callback's wall time
/// includes preemption by every other process, so its length proves nothing about our work and
/// the xruns are counted (<see cref="Xruns"/>) but not attributed (<see cref="Realtime"/> false).
/// <see cref="AllocatedBytes"/> and <see cref="GcCount"/> count the steady storm (from one
/// second after the last client connected until before any left); the totals since the server
/// became ready include the handshakes.</summary>
internal sealed record SoakResult(
    string Backend,
    int BlockSize,
    bool Realtime,
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
