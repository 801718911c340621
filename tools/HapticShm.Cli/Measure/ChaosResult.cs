namespace HapticShm.Cli.Measure;

/// <summary>What <c>chaos</c> measured over its rounds: the worst times (ms) from kill -9 of the
/// server until a holding client noticed and until a relaunched server was heard playing that
/// client's new note, from kill -9 of a client until all its ports were silent; non-finite
/// samples in the capture while rings were corrupted; and what went wrong, if anything.</summary>
internal sealed record ChaosResult(
    int Rounds,
    double? NoticeMsMax,
    double? RecoverMsMax,
    double? SilenceMsMax,
    double? NoticeMsMedian,
    double? RecoverMsMedian,
    double? SilenceMsMedian,
    long NanSamples,
    int Failures,
    IReadOnlyList<string> FailureReasons);
