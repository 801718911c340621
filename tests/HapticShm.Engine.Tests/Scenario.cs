using HapticShm.Shared.Protocol;

namespace HapticShm.Engine.Tests;

/// <summary>A busy, reproducible session: both pools, moving sources, releases, parameter
/// changes, stealing and a panic.</summary>
internal static class Scenario
{
    public const int Frames = 24_000;

    public static float[][] Render(int block, out StimulusEngine engine)
    {
        var rig = new EngineRig();
        var random = new Random(1234);
        rig.Param(ParamId.AttackSeconds, 0.01f);
        rig.Param(ParamId.ReleaseSeconds, 0.05f);
        for (int i = 0; i < 40; i++)
        {
            long at = random.Next(0, Frames - 2000);
            byte channel = (byte)random.Next(0, 8), note = (byte)random.Next(30, 80);
            var on = Command.NoteOn(channel, note, (float)random.NextDouble(), rig.Ns(at), noteId: i);
            on.PitchBend = (float)(random.NextDouble() * 2 - 1);
            rig.Submit(on);
            rig.Submit(Command.NoteOff(channel, note, rig.Ns(at + random.Next(100, 3000))));
        }
        for (int f = 0; f < Frames; f += 97)
        {
            rig.Submit(Command.Mpe((byte)random.Next(0, 8), MpeFields.PitchBend | MpeFields.Timbre | MpeFields.Pressure,
                (float)random.NextDouble(), (float)(random.NextDouble() * 2 - 1), (float)random.NextDouble(), rig.Ns(f)));
        }
        rig.Param(ParamId.WaveSpeed, 40f, 5000);
        rig.Param(ParamId.MasterGain, 0.7f, 9001);
        rig.Param(ParamId.Ceiling, 0.6f, 12_345);
        rig.Submit(Command.Panic(rig.Ns(20_000)));
        rig.Submit(Command.NoteOn(3, 50, 0.9f, rig.Ns(20_100)));
        float[][] output = rig.Render(Frames, block);
        engine = rig.Engine;
        return output;
    }
}
