using HapticShm.Cli.Midi;

namespace HapticShm.Cli.Tests;

public sealed class MidiFileTests
{
    private const byte EndOfTrackDelta0 = 0x00;

    [Fact]
    public void Parse_Format0WithRunningStatus_ReadsEveryNoteAtItsTime()
    {
        byte[] file = SmfBytes.File(0, 96,
        [
            0x00, 0x90, 60, 100,  // note on C4
            0x60, 60, 0,          // running status: velocity 0 = note off, one quarter later
            0x00, 64, 80,         // running status: note on E4
            0x60, 0x80, 64, 0,    // note off E4
            EndOfTrackDelta0, 0xFF, 0x2F, 0x00,
        ]);

        var midi = MidiFile.Parse(file, "run.mid");

        Assert.Empty(midi.Warnings);
        Assert.Equal(0, midi.Format);
        Assert.Equal(96, midi.TicksPerQuarter);
        Assert.Equal([0L, 96, 96, 192], midi.Events.Select(e => e.Tick));
        Assert.Equal([0.0, 0.5, 0.5, 1.0], midi.Events.Select(e => Math.Round(e.Seconds, 9))); // default 120 bpm
        Assert.Equal([(byte)0x90, 0x90, 0x90, 0x80], midi.Events.Select(e => e.Status));
        Assert.Equal([(byte)60, 60, 64, 64], midi.Events.Select(e => e.Data1));
        Assert.True(midi.Events[1].IsNoteOff);
        Assert.Equal(1.0, midi.DurationSeconds, 9);
    }

    [Fact]
    public void Parse_Format1TempoChanges_ApplyToEveryTrack()
    {
        byte[] tempoTrack =
        [
            0x00, 0xFF, 0x51, 0x03, 0x07, 0xA1, 0x20, // 500 000 us per quarter (120 bpm)
            0x60, 0xFF, 0x51, 0x03, 0x03, 0xD0, 0x90, // at tick 96: 250 000 us (240 bpm)
            0x00, 0xFF, 0x2F, 0x00,
        ];
        byte[] notes =
        [
            0x00, 0x91, 40, 90,
            0x60, 0x81, 40, 0,           // tick 96: 0.5 s
            0x60, 0x91, 41, 90,          // tick 192: 0.5 + 0.25 s
            0x81, 0x40, 0x81, 41, 0,     // two-byte delta 192: tick 384 = 0.75 + 0.5 s
            0x00, 0xFF, 0x2F, 0x00,
        ];
        byte[] lateTempo =
        [
            0x83, 0x00, 0xFF, 0x51, 0x03, 0x0F, 0x42, 0x40, // tick 384: 1 000 000 us (60 bpm), in a third track
            0x60, 0xFF, 0x2F, 0x00,
        ];

        var midi = MidiFile.Parse(SmfBytes.File(1, 96, tempoTrack, notes, lateTempo), "tempo.mid");

        Assert.Empty(midi.Warnings);
        Assert.Equal(3, midi.TrackCount);
        Assert.Equal([0L, 96, 192, 384], midi.Events.Select(e => e.Tick));
        Assert.Equal([0.0, 0.5, 0.75, 1.25], midi.Events.Select(e => Math.Round(e.Seconds, 9)));
        Assert.All(midi.Events, e => Assert.Equal(1, e.Track));
        Assert.Equal(1.25 + 1.0, midi.DurationSeconds, 9); // the third track ends 96 ticks later at 60 bpm
    }

    [Fact]
    public void Parse_SysExAndMetaEvents_AreSkippedByTheirLength()
    {
        byte[] body =
        [
            0x00, 0xF0, 0x05, 0x7E, 0x7F, 0x09, 0x01, 0xF7,       // SysEx (GM on)
            0x00, 0xFF, 0x03, 0x04, 0x90, 0x3C, 0x64, 0x00,       // track name whose bytes look like a note on
            0x00, 0xF7, 0x02, 0xF3, 0x01,                         // escaped bytes
            0x83, 0x80, 0x80, 0x00, 0xFF, 0x7F, 0x00,             // 4-byte delta, empty sequencer meta
            0x00, 0x92, 0x30, 0x40,
            0x00, 0xFF, 0x2F, 0x00,
        ];

        var midi = MidiFile.Parse(SmfBytes.File(0, 480, body), "sysex.mid");

        var only = Assert.Single(midi.Events);
        Assert.Equal(0x92, only.Status);
        Assert.Equal(0x30, only.Data1);
        Assert.Equal(0x40, only.Data2);
        Assert.Equal(0x0600000L, only.Tick);
        Assert.Equal(SmfBytes.FirstTrackBody + 29, only.Offset); // 8 + 8 + 5 + 7 bytes skipped, then the delta
        Assert.Empty(midi.Warnings);
    }

    [Fact]
    public void Parse_RealTimeByteInTrack_IsSkippedWithAWarning()
    {
        byte[] body = [0x00, 0x90, 50, 60, 0x00, 0xF8, 0x10, 50, 0, 0x00, 0xFF, 0x2F, 0x00];

        var midi = MidiFile.Parse(SmfBytes.File(0, 96, body), "clock.mid");

        Assert.Equal(2, midi.Events.Count); // running status survives the clock byte
        string warning = Assert.Single(midi.Warnings);
        Assert.StartsWith($"clock.mid: byte {SmfBytes.FirstTrackBody + 5}: ", warning, StringComparison.Ordinal);
        Assert.Contains("real-time byte 0xF8", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NoteOffForANoteNotOn_IsSkippedWithAWarning()
    {
        byte[] body = [0x00, 0x80, 70, 0, 0x00, 0x90, 71, 60, 0x10, 0x80, 71, 0, 0x00, 0xFF, 0x2F, 0x00];

        var midi = MidiFile.Parse(SmfBytes.File(0, 96, body), "stray.mid");

        Assert.Equal([(byte)71, 71], midi.Events.Select(e => e.Data1));
        string warning = Assert.Single(midi.Warnings);
        Assert.StartsWith($"stray.mid: byte {SmfBytes.FirstTrackBody + 1}: ", warning, StringComparison.Ordinal);
        Assert.Contains("note 70", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingEndOfTrack_WarnsAndKeepsTheEvents()
    {
        var midi = MidiFile.Parse(SmfBytes.File(0, 96, [0x00, 0x90, 50, 60]), "noend.mid");

        Assert.Single(midi.Events);
        Assert.Contains(midi.Warnings, w => w.Contains("no end-of-track event", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_SmpteDivision_UsesFramesAndIgnoresTempo()
    {
        // -25 frames per second, 40 ticks per frame: 1000 ticks per second.
        byte[] body = [0x00, 0xFF, 0x51, 0x03, 0x0F, 0x42, 0x40, 0x83, 0x74, 0x90, 50, 60, 0x00, 0xFF, 0x2F, 0x00];

        var midi = MidiFile.Parse(SmfBytes.File(0, 0xE728, body), "smpte.mid");

        Assert.Equal(25, midi.SmpteFramesPerSecond);
        Assert.Equal(0, midi.TicksPerQuarter);
        Assert.Equal(500, midi.Events[0].Tick);
        Assert.Equal(0.5, midi.Events[0].Seconds, 9);
    }

    public static TheoryData<string, byte[], int, string> MalformedFiles() => new()
    {
        { "bad header", [(byte)'M', (byte)'T', (byte)'h', (byte)'x', 0, 0, 0, 6, 0, 0, 0, 1, 0, 96], 0, "bad header chunk" },
        { "short header", [.. "MThd"u8, 0, 0, 0, 4, 0, 0, 0, 1], 4, "bad header chunk: length 4" },
        { "unknown format", SmfBytes.Header(3, 1, 96), 8, "unknown format 3" },
        { "trailing bytes and no notes", [.. SmfBytes.File(0, 96, [0x00, 0xFF, 0x2F, 0x00]), 0x00], 26, "truncated chunk: 1 bytes left" },
        { "truncated chunk", [.. SmfBytes.Header(0, 1, 96), (byte)'M', (byte)'T', (byte)'r'], 14, "truncated chunk: 3 bytes left" },
        { "length past the end", [.. SmfBytes.Header(0, 1, 96), .. "MTrk"u8, 0, 0, 0, 100, 0x00, 0xFF, 0x2F, 0x00], 18, "length 100 runs past the end of the file (4 bytes left)" },
        { "VLQ too long", SmfBytes.File(0, 96, [0xFF, 0xFF, 0xFF, 0xFF, 0x7F, 0x90, 60, 1]), 22, "variable-length quantity longer than 4 bytes" },
        { "running status without status", SmfBytes.File(0, 96, [0x00, 60, 100]), 23, "running status with no previous status" },
        { "status inside a message", SmfBytes.File(0, 96, [0x00, 0x90, 60, 0x90, 0x00]), 25, "status byte 0x90 inside a 0x90 message" },
        { "meta past the track end", SmfBytes.File(0, 96, [0x00, 0xFF, 0x03, 0x10, 0x41]), 23, "meta event 0x03 of 16 bytes runs past the end of the track chunk" },
        { "SysEx past the track end", SmfBytes.File(0, 96, [0x00, 0xF0, 0x08, 0x7E]), 23, "SysEx event of 8 bytes runs past the end of the track chunk" },
        { "truncated message", SmfBytes.File(0, 96, [0x00, 0x90, 60]), 25, "truncated: the chunk ends while reading the data of a 0x90 message" },
        { "undefined status", SmfBytes.File(0, 96, [0x00, 0xF4]), 23, "undefined status byte 0xF4" },
        { "zero division", SmfBytes.File(0, 0, [0x00, 0xFF, 0x2F, 0x00]), 12, "division of 0 ticks per quarter note" },
    };

    [Theory]
    [MemberData(nameof(MalformedFiles))]
    public void Parse_MalformedFile_ThrowsWithFileOffsetAndProblem(string name, byte[] file, int offset, string problem)
    {
        var error = Assert.Throws<MidiFormatException>(() => MidiFile.Parse(file, "bad.mid"));

        Assert.True(error.Message.StartsWith($"bad.mid: byte {offset}: ", StringComparison.Ordinal), $"{name}: {error.Message}");
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Equal(offset, error.Offset);
    }

    [Fact]
    public void Read_FileOnDisk_NamesTheFileInErrors()
    {
        using var dir = new TempRuntimeDirectory();
        string path = dir.File("broken.mid");
        File.WriteAllBytes(path, [.. SmfBytes.Header(0, 1, 96), (byte)'M']);

        var error = Assert.Throws<MidiFormatException>(() => MidiFile.Read(path));

        Assert.StartsWith("broken.mid: byte 14: ", error.Message, StringComparison.Ordinal);
    }
}
