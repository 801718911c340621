using HapticShm.Cli.Midi;

namespace HapticShm.Cli.Tests;

/// <summary>Format 2 files and damage a file survives: they play, with one warning naming the byte.</summary>
public sealed class SmfDamageTests
{
    // Eight quarter notes at 96 ticks per quarter, as one format 0 track.
    private static byte[] EightNotes()
    {
        var track = new SmfTrackWriter();
        for (int i = 0; i < 8; i++)
            track.Channel(i * 96, 0x90, (byte)(60 + i), 100).Channel(i * 96 + 48, 0x80, (byte)(60 + i), 0);
        return SmfTrackWriter.BuildFile(96, track);
    }

    private static int NoteOns(MidiFile midi) => midi.Events.Count(e => e.IsNoteOn);

    [Fact]
    public void Parse_TrailingByteAfterTheLastChunk_PlaysAllNotesWithOneWarningNamingTheByte()
    {
        byte[] valid = EightNotes();
        byte[] file = [.. valid, 0x00];

        var midi = MidiFile.Parse(file, "extra-byte.mid");

        Assert.Equal(8, NoteOns(midi));
        string warning = Assert.Single(midi.Warnings);
        Assert.StartsWith($"extra-byte.mid: byte {valid.Length}: ", warning, StringComparison.Ordinal);
        Assert.Contains("1 bytes left", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LastTrackOneByteShorterThanItsHeaderSays_PlaysAllNotesWithOneWarningNamingTheByte()
    {
        byte[] file = EightNotes()[..^1]; // the end-of-track event loses its length byte

        var midi = MidiFile.Parse(file, "missing-byte.mid");

        Assert.Equal(8, NoteOns(midi));
        Assert.Equal(8, midi.Events.Count(e => e.IsNoteOff));
        string warning = Assert.Single(midi.Warnings);
        // Byte 18 is the track's length field; the cut event is the end-of-track at the last 3 bytes.
        Assert.StartsWith("missing-byte.mid: byte 18: chunk \"MTrk\" length", warning, StringComparison.Ordinal);
        Assert.Contains($"up to the event at byte {file.Length - 3}", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LastTrackCutInsideANoteOff_KeepsTheWholeEventsBeforeIt()
    {
        byte[] full = EightNotes();
        byte[] file = full[..^5]; // end-of-track (4 bytes with its delta) and the last note-off's velocity

        var midi = MidiFile.Parse(file, "cut.mid");

        Assert.Equal(8, NoteOns(midi));
        Assert.Equal(7, midi.Events.Count(e => e.IsNoteOff));
        Assert.Contains("which the file cuts short", Assert.Single(midi.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CutTrackWithNoWholeEvent_FailsWithTheDamage()
    {
        byte[] file = [.. SmfBytes.Header(0, 1, 96), .. "MTrk"u8, 0, 0, 0, 20, 0x00, 0x90];

        var error = Assert.Throws<MidiFormatException>(() => MidiFile.Parse(file, "empty.mid"));

        Assert.StartsWith("empty.mid: byte 18: chunk \"MTrk\" length 20 runs past the end of the file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Format2_PlaysThePatternsOneAfterAnotherEachWithItsOwnTempo()
    {
        // Each pattern: a note at 0 held a quarter, its end at two quarters (192 ticks).
        static SmfTrackWriter Pattern(byte note, int? microsecondsPerQuarter)
        {
            var track = new SmfTrackWriter();
            if (microsecondsPerQuarter is int tempo) track.Tempo(0, tempo);
            return track.Channel(0, 0x90, note, 100).Channel(96, 0x80, note, 0).Meta(192, 0x01, "end"u8);
        }
        byte[] file = SmfTrackWriter.BuildFile(96, Pattern(60, 250_000), Pattern(62, 1_000_000), Pattern(64, null));
        file[9] = 2; // format 2

        var midi = MidiFile.Parse(file, "patterns.mid");

        Assert.Equal(2, midi.Format);
        Assert.Empty(midi.Warnings);
        var ons = midi.Events.Where(e => e.IsNoteOn).ToArray();
        Assert.Equal([60, 62, 64], ons.Select(e => (int)e.Data1));
        // 0.5 s of pattern 1 at 240 bpm, 2 s of pattern 2 at 60 bpm, pattern 3 back at 120 bpm.
        Assert.Equal([0.0, 0.5, 2.5], ons.Select(e => Math.Round(e.Seconds, 9)));
        Assert.Equal(3.0, midi.Events.Last(e => e.IsNoteOff).Seconds, 9);
        Assert.Equal(3.5, midi.DurationSeconds, 9);
    }
}
