namespace HapticShm.Cli.Midi;

/// <summary>
/// A short MPE sequence (8 s at 120 bpm) that shows what the array can do: a standing-wave note,
/// two travelling-wave notes from opposite sides, then a source gliding across the array and back
/// (pitch-bend sweep for x, CC74 for y). Notes stay between 30 and 60 (46..261 Hz), where skin
/// feels vibration well. Velocities follow the default routing: 64 and above plays a standing
/// wave, below 64 a travelling wave.
/// </summary>
public static class DemoSequence
{
    public const int TicksPerQuarter = 480;
    public const int MicrosecondsPerQuarter = 500_000; // 120 bpm: one second is 960 ticks
    public const double DurationSeconds = 8.0;

    private const int TicksPerSecond = TicksPerQuarter * 1_000_000 / MicrosecondsPerQuarter;
    private const int SweepStepTicks = 24; // 25 ms between bend/timbre updates: a smooth glide

    /// <summary>The sequence as a format 1 Standard MIDI File (tempo track + MPE track).</summary>
    public static byte[] Build()
    {
        var tempo = new SmfTrackWriter().Tempo(0, MicrosecondsPerQuarter);
        tempo.Meta(0, 0x03, "HapticShm demo"u8);
        var mpe = new SmfTrackWriter();
        ConfigureLowerZone(mpe);
        StandingWave(mpe);
        TravellingWaves(mpe);
        MovingSource(mpe);
        return SmfTrackWriter.BuildFile(TicksPerQuarter, tempo, mpe);
    }

    private static long At(double seconds) => (long)Math.Round(seconds * TicksPerSecond);

    private static byte Status(byte kind, int memberChannel) => (byte)(kind | memberChannel);

    // MPE Configuration Message on channel 1: a lower zone with 15 member channels.
    private static void ConfigureLowerZone(SmfTrackWriter track)
    {
        track.Channel(0, MidiStatus.ControlChange, 101, 0)
            .Channel(0, MidiStatus.ControlChange, 100, 6)
            .Channel(0, MidiStatus.ControlChange, 6, 15)
            .Channel(0, MidiStatus.ControlChange, 101, 127)
            .Channel(0, MidiStatus.ControlChange, 100, 127);
    }

    // 0..2 s: C2 (65 Hz) everywhere in phase, pressure swelling up and back down.
    private static void StandingWave(SmfTrackWriter track)
    {
        const int channel = 1;
        track.Channel(At(0), Status(MidiStatus.ChannelPressure, channel), 40);
        track.Channel(At(0), Status(MidiStatus.NoteOn, channel), 36, 100);
        for (long tick = At(0.05); tick < At(1.9); tick += SweepStepTicks)
        {
            double phase = (double)(tick - At(0.05)) / (At(1.9) - At(0.05));
            int pressure = (int)Math.Round(40 + 87 * Math.Sin(Math.PI * phase));
            track.Channel(tick, Status(MidiStatus.ChannelPressure, channel), (byte)pressure);
        }
        track.Channel(At(2.0), Status(MidiStatus.NoteOff, channel), 36, 0);
    }

    // 2..4 s: G2 (98 Hz) from the left edge, then C3 (131 Hz) from the right edge.
    private static void TravellingWaves(SmfTrackWriter track)
    {
        TravellingNote(track, channel: 2, note: 43, bend: 0, timbre: 64, start: 2.0, end: 3.0);
        TravellingNote(track, channel: 3, note: 48, bend: 16383, timbre: 64, start: 3.0, end: 4.0);
    }

    private static void TravellingNote(SmfTrackWriter track, int channel, byte note, int bend, byte timbre, double start, double end)
    {
        track.PitchBend(At(start), channel, bend);
        track.Channel(At(start), Status(MidiStatus.ControlChange, channel), 74, timbre);
        track.Channel(At(start), Status(MidiStatus.ChannelPressure, channel), 110);
        track.Channel(At(start), Status(MidiStatus.NoteOn, channel), note, 50);
        track.Channel(At(end), Status(MidiStatus.NoteOff, channel), note, 0);
    }

    // 4..8 s: E2 (82 Hz) travelling wave whose source sweeps left to right and back (bend)
    // while drifting from the bottom row to the top row (CC74).
    private static void MovingSource(SmfTrackWriter track)
    {
        const int channel = 4;
        const byte note = 40;
        track.PitchBend(At(4.0), channel, 0);
        track.Channel(At(4.0), Status(MidiStatus.ControlChange, channel), 74, 0);
        track.Channel(At(4.0), Status(MidiStatus.ChannelPressure, channel), 100);
        track.Channel(At(4.0), Status(MidiStatus.NoteOn, channel), note, 45);
        for (long tick = At(4.0) + SweepStepTicks; tick < At(7.95); tick += SweepStepTicks)
        {
            double phase = (double)(tick - At(4.0)) / (At(8.0) - At(4.0)); // 0..1 over the 4 s
            double x = phase < 0.5 ? phase * 2 : 2 - phase * 2;            // 0 -> 1 -> 0
            track.PitchBend(tick, channel, (int)Math.Round(x * 16383));
            track.Channel(tick, Status(MidiStatus.ControlChange, channel), 74, (byte)Math.Round(phase * 127));
        }
        track.Channel(At(8.0), Status(MidiStatus.NoteOff, channel), note, 0);
    }
}
