namespace HapticShm.Cli.Measure;

/// <summary>One probe note: its timestamp, the JACK frame the server's timeline promises it at
/// (timestamp + fixed latency, rounded as the engine rounds), the capture's xrun count and the
/// server's timeline epoch (steps + resyncs) when it was sent and again just after it was heard,
/// and whether the client sent it too late to be played on time.</summary>
internal readonly record struct LatencyNote(long TimestampNs, uint PromisedFrame, long XrunsAtSend, long XrunsAfter, long TimelineEpochAtSend, long TimelineEpochAfter, bool SentLate);
