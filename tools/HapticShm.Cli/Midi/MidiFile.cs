using System.Text;

namespace HapticShm.Cli.Midi;

/// <summary>
/// A Standard MIDI File read into one time-ordered list of channel events with absolute times in
/// seconds: format 0 or 1, or format 2 with its patterns played one after another. Malformed input
/// throws <see cref="MidiFormatException"/>; things a file should not contain but that do no harm
/// (and damage that leaves the notes readable: bytes after the last chunk, a last track cut short)
/// are skipped and listed in <see cref="Warnings"/>.
/// </summary>
public sealed class MidiFile
{
    private const int HeaderChunkLength = 6;
    private const int ChunkHeaderLength = 8;

    private MidiFile(int format, int ticksPerQuarter, double smpteFramesPerSecond, int trackCount, TempoMap tempoMap,
        IReadOnlyList<MidiChannelEvent> events, IReadOnlyList<string> warnings, double durationSeconds)
    {
        Format = format;
        TicksPerQuarter = ticksPerQuarter;
        SmpteFramesPerSecond = smpteFramesPerSecond;
        TrackCount = trackCount;
        TempoMap = tempoMap;
        Events = events;
        Warnings = warnings;
        DurationSeconds = durationSeconds;
    }

    /// <summary>0 (one track), 1 (parallel tracks sharing the tempo map) or 2 (patterns in sequence).</summary>
    public int Format { get; }

    /// <summary>Ticks per quarter note, or 0 when the file uses an SMPTE division.</summary>
    public int TicksPerQuarter { get; }

    /// <summary>Frames per second of an SMPTE division (29.97 for drop frame), or 0.</summary>
    public double SmpteFramesPerSecond { get; }

    /// <summary>Number of track chunks read.</summary>
    public int TrackCount { get; }

    /// <summary>Tick to seconds conversion of this file.</summary>
    public TempoMap TempoMap { get; }

    /// <summary>Every channel message of every track, ordered by time, then track, then file order.</summary>
    public IReadOnlyList<MidiChannelEvent> Events { get; }

    /// <summary>What was skipped, each as <c>&lt;file&gt;: byte &lt;offset&gt;: &lt;what&gt;</c>.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Time of the last event of any track (end-of-track included), in seconds.</summary>
    public double DurationSeconds { get; }

    /// <summary>Reads and parses the file at <paramref name="path"/>.</summary>
    public static MidiFile Read(string path) => Parse(File.ReadAllBytes(path), Path.GetFileName(path));

    /// <summary>Parses a whole file held in memory; <paramref name="sourceName"/> starts every message.</summary>
    public static MidiFile Parse(ReadOnlySpan<byte> data, string sourceName)
    {
        var warnings = new List<string>();
        var header = new SmfCursor(data, sourceName, 0, data.Length);
        if (data.Length < ChunkHeaderLength || !data[..4].SequenceEqual("MThd"u8))
            throw header.Error(0, $"bad header chunk: a MIDI file starts with \"MThd\", found {Describe(data[..Math.Min(4, data.Length)])}");
        header.Position = 4;
        uint headerLength = header.ReadUInt32("the header chunk length");
        if (headerLength < HeaderChunkLength)
            throw header.Error(4, $"bad header chunk: length {headerLength}, at least {HeaderChunkLength} expected");
        if (headerLength > (uint)header.Remaining)
            throw header.Error(4, $"header chunk length {headerLength} runs past the end of the file ({header.Remaining} bytes left)");
        int format = header.ReadUInt16("the format");
        int declaredTracks = header.ReadUInt16("the track count");
        ushort division = header.ReadUInt16("the division");
        if (format > 2) throw header.Error(8, $"unknown format {format}");

        var events = new List<SmfTrackEvent>();
        var tempos = new List<SmfTempoChange>();
        int position = ChunkHeaderLength + (int)headerLength;
        int tracks = 0;
        long lastTick = 0;
        // Damage the file survives (bytes after the last chunk, a last track cut short) is a warning;
        // if nothing playable is left it is the error after all.
        MidiFormatException? damage = null;
        while (position < data.Length)
        {
            var chunk = new SmfCursor(data, sourceName, position, data.Length);
            if (chunk.Remaining < ChunkHeaderLength)
            {
                damage = chunk.Error(position, $"truncated chunk: {chunk.Remaining} bytes left, a chunk header needs {ChunkHeaderLength}");
                warnings.Add($"{damage.Message}; ignored");
                break;
            }
            var id = data.Slice(position, 4);
            chunk.Position = position + 4;
            uint length = chunk.ReadUInt32("a chunk length");
            bool cut = length > (uint)chunk.Remaining;
            int bodyStart = position + ChunkHeaderLength;
            int bodyEnd = cut ? data.Length : bodyStart + (int)length;
            if (cut)
            {
                damage = chunk.Error(position + 4, $"chunk {Describe(id)} length {length} runs past the end of the file ({chunk.Remaining} bytes left)");
                if (!id.SequenceEqual("MTrk"u8)) warnings.Add($"{damage.Message}; ignored");
            }
            if (id.SequenceEqual("MTrk"u8))
            {
                // Format 2 holds independent patterns: each starts where the one before it ended, at 120 bpm unless it says otherwise.
                long startTick = format == 2 ? lastTick : 0;
                if (format == 2 && tracks > 0) tempos.Add(new SmfTempoChange(startTick, tracks, TempoMap.DefaultMicrosecondsPerQuarter));
                SmfTrackEnd end = SmfTrackParser.Parse(data, sourceName, bodyStart, bodyEnd, tracks, startTick, cut, events, tempos, warnings);
                lastTick = Math.Max(lastTick, end.LastTick);
                if (cut) warnings.Add(CutTrackWarning(damage!, tracks, end.IncompleteEventAt));
                tracks++;
            }
            else if (!cut)
            {
                warnings.Add(SmfTrackParser.Warning(sourceName, position, $"unknown chunk {Describe(id)} of {length} bytes skipped"));
            }
            position = bodyEnd;
        }
        if (damage is not null && events.Count == 0) throw damage;
        if (tracks != declaredTracks)
            warnings.Add(SmfTrackParser.Warning(sourceName, 10, $"header declares {declaredTracks} tracks, the file holds {tracks}"));
        if (format == 0 && tracks > 1)
            warnings.Add(SmfTrackParser.Warning(sourceName, 8, $"format 0 file with {tracks} tracks; all are read"));

        var (tempoMap, ticksPerQuarter, fps) = MakeTempoMap(header, division, tempos);
        var merged = Merge(events, tempoMap, sourceName, warnings);
        return new MidiFile(format, ticksPerQuarter, fps, tracks, tempoMap, merged, warnings, tempoMap.ToSeconds(lastTick));
    }

    private static (TempoMap Map, int TicksPerQuarter, double FramesPerSecond) MakeTempoMap(
        SmfCursor header, ushort division, List<SmfTempoChange> tempos)
    {
        if ((division & 0x8000) == 0)
        {
            if (division == 0) throw header.Error(12, "division of 0 ticks per quarter note");
            return (TempoMap.ForTicksPerQuarter(division, tempos), division, 0);
        }
        int smpte = -(sbyte)(division >> 8);
        int ticksPerFrame = division & 0xFF;
        double fps = smpte switch { 24 => 24, 25 => 25, 29 => 30000.0 / 1001.0, 30 => 30, _ => 0 };
        if (fps == 0) throw header.Error(12, $"SMPTE division with {smpte} frames per second (24, 25, 29 or 30 expected)");
        if (ticksPerFrame == 0) throw header.Error(13, "SMPTE division with 0 ticks per frame");
        return (TempoMap.ForSmpte(fps, ticksPerFrame), 0, fps);
    }

    // Orders all tracks on one timeline and drops note-offs for notes that are not sounding.
    private static List<MidiChannelEvent> Merge(List<SmfTrackEvent> events, TempoMap tempoMap, string sourceName, List<string> warnings)
    {
        events.Sort(static (a, b) => a.Tick != b.Tick ? a.Tick.CompareTo(b.Tick)
            : a.Track != b.Track ? a.Track.CompareTo(b.Track) : a.Order.CompareTo(b.Order));
        var sounding = new int[16 * 128];
        var merged = new List<MidiChannelEvent>(events.Count);
        foreach (var e in events)
        {
            var channelEvent = new MidiChannelEvent(tempoMap.ToSeconds(e.Tick), e.Tick, e.Track, e.Offset, e.Status, e.Data1, e.Data2);
            int key = channelEvent.Channel * 128 + channelEvent.Data1;
            if (channelEvent.IsNoteOn) sounding[key]++;
            else if (channelEvent.IsNoteOff)
            {
                if (sounding[key] == 0)
                {
                    warnings.Add(SmfTrackParser.Warning(sourceName, e.Offset,
                        $"track {e.Track}: note-off for note {channelEvent.Data1} on channel {channelEvent.Channel + 1}, which is not on; skipped"));
                    continue;
                }
                sounding[key]--;
            }
            merged.Add(channelEvent);
        }
        return merged;
    }

    private static string CutTrackWarning(MidiFormatException damage, int track, int incompleteEventAt) =>
        incompleteEventAt < 0
            ? $"{damage.Message}; track {track} read to the end of the file"
            : $"{damage.Message}; track {track} read up to the event at byte {incompleteEventAt}, which the file cuts short";

    private static string Describe(ReadOnlySpan<byte> id)
    {
        var text = new StringBuilder("\"");
        foreach (byte b in id) text.Append(b is >= 0x20 and < 0x7F ? (char)b : '?');
        return text.Append('"').ToString();
    }
}
