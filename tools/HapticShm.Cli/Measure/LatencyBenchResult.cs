namespace HapticShm.Cli.Measure;

/// <summary>What <c>bench latency</c> measured at one block size. Latency (µs) is from a command's
/// timestamp to its onset heard in a JACK capture, on the capture's clock. In samples: onset frame
/// minus the frame the server's published timeline promised (<see cref="JitterSamples"/> is the
/// standard deviation of that offset over the clean notes; the target is 0, every note on its
/// promised sample). Notes near an xrun, a capture discontinuity or a change of the server's
/// timeline (step or resync) are excluded and counted; <see cref="TimelineSteps"/> and
/// <see cref="TimelineResyncs"/> count those changes during the notes. <see cref="Inconclusive"/>:
/// fewer than <see cref="LatencyBench.CleanNotesNeeded"/> clean notes (a machine too busy to judge);
/// the latency and jitter figures are then 0 and mean nothing.</summary>
internal sealed record LatencyBenchResult(
    int BlockSize,
    int SampleRate,
    double FixedLatencyUs,
    double LatencyP50Us,
    double LatencyP99Us,
    double LatencyMaxUs,
    double JitterUs,
    double JitterSamples,
    int OffsetMinSamples,
    int OffsetMaxSamples,
    int NotesOnPromisedSample,
    int Notes,
    int ExcludedNotes,
    int ExcludedNearXruns,
    int ExcludedAtTimelineChanges,
    long TimelineSteps,
    long TimelineResyncs,
    long Xruns,
    bool Inconclusive);
