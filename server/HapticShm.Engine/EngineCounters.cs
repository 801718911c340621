namespace HapticShm.Engine;

/// <summary>Totals since the engine was built.</summary>
/// <param name="NotesPlayed">Note-ons that started a voice.</param>
/// <param name="PeakVoices">Most voices sounding at once.</param>
/// <param name="Stolen">Voices taken from a full pool (faded out over ~5 ms).</param>
/// <param name="Late">Commands whose time had passed when their block was rendered (played at frame 0).</param>
/// <param name="Rejected">Commands refused by validation (or from an unknown client).</param>
/// <param name="QueueFull">Valid commands dropped because the pending queue was full.</param>
public readonly record struct EngineCounters(long NotesPlayed, long PeakVoices, long Stolen, long Late, long Rejected, long QueueFull);
