namespace HapticShm.Cli.Measure;

/// <summary>One probe note: its timestamp, the JACK frame that timestamp falls on, and the
/// capture's xrun count when it was sent (the timeline may re-anchor at an xrun), and whether the
/// client sent it too late to be played on time.</summary>
internal readonly record struct LatencyNote(long TimestampNs, uint TimestampFrame, long XrunsAtSend, bool SentLate);
