namespace HapticShm.Cli.Measure;

/// <summary>One probe note: its timestamp and the capture sample that timestamp falls on.</summary>
internal readonly record struct LatencyNote(long TimestampNs, long TimestampSample);
