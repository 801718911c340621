using System.Numerics;
using HapticShm.Shared.Protocol;

namespace HapticShm.Engine.Tests;

/// <summary>The engine's own fractional-delay path (float coefficients, history ring, kernels)
/// against an ideal delayed sine computed in double precision.</summary>
public sealed class WaveInterpolationTests
{
    [Theory]
    [InlineData(16)] // 20.6 Hz
    [InlineData(33)] // 55 Hz
    [InlineData(45)] // 110 Hz
    [InlineData(57)] // 220 Hz
    [InlineData(67)] // 392 Hz
    public void Render_StaticWave_MatchesIdealDelayedSineBelowMinus60dB(int note)
    {
        const float velocity = 0.8f, bend = 0.37f, timbre = 0.61f, speed = 73f;
        var rig = new EngineRig();
        rig.Param(ParamId.Routing, (float)StimulusRouting.Wave);
        rig.Param(ParamId.WaveSpeed, speed);
        rig.Param(ParamId.AttackSeconds, 0f);
        var on = Command.NoteOn(0, (byte)note, velocity, rig.Ns(0));
        on.PitchBend = bend;
        on.Timbre = timbre;
        rig.Submit(on);
        float[][] output = rig.Render(9600);

        TransducerLayout layout = TransducerLayout.Default;
        Vector2 source = EngineRig.SourceAt(bend, timbre);
        double nearest = EngineRig.NearestTransducer(source);
        double omega = 2 * Math.PI * 440 * Math.Pow(2, (note - 69) / 12.0) / 48000;
        double worst = 0;
        for (int t = 0; t < layout.Count; t++)
        {
            double d = Vector2.Distance(layout.Positions[t], source);
            double delay = d / speed * 48000, gain = velocity * Math.Max(nearest, 0.025) / Math.Max(d, 0.025);
            for (int n = 2000; n < output[t].Length; n++)
            {
                worst = Math.Max(worst, Math.Abs(output[t][n] - gain * Math.Sin(omega * (n - delay))) / gain);
            }
        }
        double db = 20 * Math.Log10(worst);
        Assert.True(db < -60, $"note {note}: worst error {db:F1} dB re the channel's amplitude");
    }

    [Fact]
    public void Render_WaveNoteReleased_VoiceFreedAfterTheTailHasTravelled()
    {
        var rig = new EngineRig();
        rig.Param(ParamId.Routing, (float)StimulusRouting.Wave);
        rig.Param(ParamId.WaveSpeed, 20f);
        rig.Param(ParamId.ReleaseSeconds, 0.01f);
        rig.Submit(Command.NoteOn(0, 60, 0.5f, rig.Ns(0)));
        rig.Submit(Command.NoteOff(0, 60, rig.Ns(4800)));
        float[][] output = rig.Render(5600);
        Assert.Equal(1, rig.Engine.ActiveVoices); // release done at 5280, but the far transducers still receive it
        Assert.True(output.Max(c => EngineRig.MaxAbs(c.AsSpan(5400))) > 1e-3f);
        float[][] later = rig.Render(2400, fromFrame: 5600);
        Assert.Equal(0, rig.Engine.ActiveVoices);
        Assert.Equal(0f, later.Max(c => EngineRig.MaxAbs(c.AsSpan(1200))));
    }
}
