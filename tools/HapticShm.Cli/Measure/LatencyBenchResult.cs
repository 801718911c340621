namespace HapticShm.Cli.Measure;

/// <summary>What <c>bench latency</c> measured at one block size. Latency is from a command's
/// timestamp to its onset heard in a JACK capture (both on the monotonic clock); jitter is the
/// standard deviation. In samples: onset sample minus the sample the timestamp maps to.</summary>
internal sealed record LatencyBenchResult(
    int BlockSize,
    int SampleRate,
    double FixedLatencyUs,
    double LatencyP50Us,
    double LatencyP99Us,
    double LatencyMaxUs,
    double JitterUs,
    double LatencySamples,
    double JitterSamples,
    int Notes,
    int ExcludedNotes,
    long Xruns);
