namespace HapticShm.Cli.Midi;

/// <summary>A channel message as found in one track, before the tempo map places it in seconds.</summary>
internal readonly record struct SmfTrackEvent(long Tick, int Track, int Order, int Offset, byte Status, byte Data1, byte Data2);

/// <summary>A tempo meta event: from <paramref name="Tick"/> on, a quarter note lasts
/// <paramref name="MicrosecondsPerQuarter"/>.</summary>
internal readonly record struct SmfTempoChange(long Tick, int Track, int MicrosecondsPerQuarter);

/// <summary>Where a track ended: the tick of its last event and, for a track the file cuts short,
/// the offset of the event the file ends inside (-1 when every event was whole).</summary>
internal readonly record struct SmfTrackEnd(long LastTick, int IncompleteEventAt);
