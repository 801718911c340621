using System.Diagnostics;
using System.Numerics;
using HapticShm.Cli.Midi;
using HapticShm.Cli.Wav;
using HapticShm.Engine;
using HapticShm.Shared.Protocol;

namespace HapticShm.Cli.Tests;

/// <summary>A channel's bend, CC74 and pressure sent before its note-on (as MPE controllers do,
/// and as files record them) are the note's initial state: the NoteOn carries them.</summary>
public sealed class MidiInitialStateTests
{
    private const long T = 1_000_000;
    private readonly MidiToCommands _converter = new();
    private readonly Command[] _buffer = new Command[MidiToCommands.MaxCommandsPerMessage];

    private Command[] Feed(byte status, byte data1, byte data2 = 0)
    {
        int count = _converter.Convert(status, data1, data2, T, _buffer);
        return _buffer[..count];
    }

    // Format 0, 96 ticks per quarter at the default 120 bpm: 48 ticks = 0.25 s.
    // Channel 3 (a member of the default lower zone): bend full up at tick 0, a soft note-on
    // (velocity 40: a travelling wave) at tick 48, its note-off a quarter later.
    private static byte[] BendThenNoteFile() => SmfBytes.File(0, 96,
        [0x00, 0xE2, 0x7F, 0x7F, 0x30, 0x92, 60, 40, 0x60, 0x82, 60, 0, 0x00, 0xFF, 0x2F, 0x00]);

    [Fact]
    public void Convert_BendTimbreAndPressureBeforeAMemberNoteOn_NoteOnCarriesThem()
    {
        Feed(0xE2, 0x7F, 0x7F);
        Feed(0xB2, 74, 127);
        Feed(0xD2, 32);

        Command on = Assert.Single(Feed(0x92, 60, 100));

        Assert.Equal(CommandKind.NoteOn, on.Kind);
        Assert.Equal(1f, on.PitchBend); // +8191 of the member's +-48 semitones: the full scale
        Assert.Equal(1f, on.Timbre);
        Assert.Equal(32f / 127f, on.Pressure, 6);
        Assert.Equal(CommandError.None, CommandValidator.Validate(on));
    }

    [Fact]
    public void Convert_NoteOnAfterItsChannelsNoteOff_KeepsTheLastBend()
    {
        Feed(0x94, 60, 100);
        Feed(0xE4, 0x00, 0x20); // half down
        Feed(0x84, 60, 0);

        Assert.Equal(-0.5f, Assert.Single(Feed(0x94, 62, 100)).PitchBend);
    }

    [Fact]
    public void ConvertFile_BendTicksBeforeTheNoteOn_NoteOnCarriesTheBend()
    {
        var commands = MidiToCommands.ConvertFile(MidiFile.Parse(BendThenNoteFile(), "bend.mid"), startNs: 0);

        Assert.Equal([CommandKind.Mpe, CommandKind.NoteOn, CommandKind.NoteOff], commands.Select(c => c.Kind));
        Assert.Equal((2, 1f, 250_000_000L), (commands[1].Channel, commands[1].PitchBend, commands[1].TimestampNs));
    }

    [Fact]
    public void ConvertFile_BendOnALaterTrackAtTheNoteOnsTick_NoteOnCarriesTheBend()
    {
        // Track 0 holds the note, track 1 the bend and CC74, all at tick 24.
        byte[] file = SmfBytes.File(1, 96,
            [0x18, 0x95, 50, 100, 0x60, 0x85, 50, 0, 0x00, 0xFF, 0x2F, 0x00],
            [0x18, 0xE5, 0x00, 0x00, 0x00, 0xB5, 74, 0, 0x00, 0xFF, 0x2F, 0x00]);

        var commands = MidiToCommands.ConvertFile(MidiFile.Parse(file, "tracks.mid"), startNs: 0);

        Assert.Equal([CommandKind.Mpe, CommandKind.Mpe, CommandKind.NoteOn, CommandKind.NoteOff], commands.Select(c => c.Kind));
        Assert.Equal((-1f, 0f), (commands[2].PitchBend, commands[2].Timbre));
        Assert.Equal(commands[0].TimestampNs, commands[2].TimestampNs);
    }

    [Fact]
    public void ConvertFile_BendAfterTheNoteOn_FollowsTheNote()
    {
        byte[] file = SmfBytes.File(0, 96, [0x00, 0x93, 50, 100, 0x0C, 0xE3, 0x7F, 0x7F, 0x60, 0x83, 50, 0, 0x00, 0xFF, 0x2F, 0x00]);

        var commands = MidiToCommands.ConvertFile(MidiFile.Parse(file, "later.mid"), startNs: 0);

        Assert.Equal([CommandKind.NoteOn, CommandKind.Mpe, CommandKind.NoteOff], commands.Select(c => c.Kind));
        Assert.Equal(0f, commands[0].PitchBend);
        Assert.Equal(1f, commands[1].PitchBend);
    }

    [Fact]
    public void Render_BendBeforeTheNoteOn_TheWaveStartsAtThePlusXEdge()
    {
        using var dir = new TempRuntimeDirectory();
        string midi = dir.File("bend.mid"), wav = dir.File("bend.wav");
        File.WriteAllBytes(midi, BendThenNoteFile());

        var (exit, output, error) = RunCli("render", midi, "-o", wav);
        Assert.True(exit == 0, $"render failed ({exit}): {output} {error}");

        WavContents contents = MultichannelWavReader.Read(wav);
        TransducerLayout layout = TransducerLayout.Default;
        Assert.Equal(layout.Count, contents.Channels.Length);
        const int noteFrame = 12_000; // 0.25 s at 48 kHz
        const double samplesPerMetre = 48_000 / 100.0; // the default wave speed, 100 m/s
        var edge = new Vector2(layout.Centre.X + 0.2f, layout.Centre.Y);
        for (int t = 0; t < layout.Count; t++)
        {
            // From the first sample the wave comes from the +x edge: each transducer stays silent
            // until the wave from there reaches it (from the centre, the -x column would start 90 frames earlier).
            int arrival = noteFrame + (int)Math.Floor(Vector2.Distance(layout.Positions[t], edge) * samplesPerMetre);
            float[] samples = contents.Channels[t];
            Assert.True(MaxAbs(samples.AsSpan(0, arrival - 2)) == 0f, $"transducer {t} sounds before the wave from the +x edge reaches it");
            Assert.True(MaxAbs(samples.AsSpan(arrival, 2000)) > 1e-3f, $"transducer {t} stays silent after its arrival");
        }
    }

    private static float MaxAbs(ReadOnlySpan<float> samples)
    {
        float max = 0;
        foreach (float s in samples) max = MathF.Max(max, MathF.Abs(s));
        return max;
    }

    private static (int ExitCode, string Output, string Error) RunCli(params string[] arguments)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "hapticshm.dll");
        Assert.True(File.Exists(dll), $"CLI not built: {dll}");
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(dll);
        foreach (string argument in arguments) info.ArgumentList.Add(argument);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(120_000), $"hapticshm {string.Join(' ', arguments)} did not finish in 120 s");
        return (process.ExitCode, output.Result, error.Result);
    }
}
