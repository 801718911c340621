namespace HapticShm.Cli.Measure;

/// <summary>What <c>bench latency</c> measured at one block size. Latency is from a command's
/// timestamp to its onset heard in a JACK capture (both on the monotonic clock); jitter is the
/// standard deviation. In samples: onset sample minus the sample the timestamp maps to;
/// <see cref="JitterSamples"/> is within xrun-free segments, <see cref="JitterSamplesAcrossXruns"/> over the
/// whole run (the block clock may re-anchor at an xrun: <see cref="TimelineSteps"/>).</summary>
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
    double JitterSamplesAcrossXruns,
    double OffsetSpreadSamples,
    int TimelineSteps,
    int Notes,
    int ExcludedNotes,
    long Xruns);
