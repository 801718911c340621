using System.Numerics;
using HapticShm.Shared.Protocol;

namespace HapticShm.Engine.Tests;

public sealed class AttenuationTests
{
    private static readonly double Omega = 2 * Math.PI * 440 * Math.Pow(2, (45 - 69) / 12.0) / 48000;

    [Theory]
    [InlineData(0f, 0.5f)]
    [InlineData(0.6f, 0.2f)]
    [InlineData(-1f, 1f)]
    public void Render_WaveVoice_AmplitudeFollowsInverseDistanceNormalisedToNearest(float bend, float timbre)
    {
        var rig = new EngineRig();
        rig.Param(ParamId.Routing, (float)StimulusRouting.Wave);
        rig.Param(ParamId.AttackSeconds, 0f);
        var on = Command.NoteOn(0, 45, 0.5f, rig.Ns(0));
        on.PitchBend = bend;
        on.Timbre = timbre;
        rig.Submit(on);
        float[][] output = rig.Render(9600);

        TransducerLayout layout = TransducerLayout.Default;
        Vector2 source = EngineRig.SourceAt(bend, timbre);
        double nearest = EngineRig.NearestTransducer(source);
        for (int t = 0; t < layout.Count; t++)
        {
            double d = Vector2.Distance(layout.Positions[t], source);
            double expected = 0.5 * Math.Max(nearest, 0.025) / Math.Max(d, 0.025);
            double measured = SineFit.Fit(output[t], 2400, 9600, Omega, 0).Amplitude;
            Assert.True(Math.Abs(measured - expected) < 1e-3 * expected + 1e-6, $"transducer {t}: amplitude {measured:F6}, expected {expected:F6}");
        }
    }

    [Fact]
    public void Render_StandingVoice_AllChannelsInPhaseScaledByLayoutGain()
    {
        var positions = new Vector2[] { new(0, 0), new(0.1f, 0), new(0.3f, 0.2f), new(-0.2f, 0.05f) };
        float[] gains = [1f, 0.5f, 0.25f, 0f];
        var rig = new EngineRig(new EngineOptions { Layout = TransducerLayout.FromArrays(positions, gains) });
        rig.Param(ParamId.Routing, (float)StimulusRouting.Standing);
        rig.Submit(Command.NoteOn(0, 57, 0.9f, rig.Ns(10)));
        float[][] output = rig.Render(4800);
        Assert.True(EngineRig.MaxAbs(output[0]) > 0.5f);
        for (int t = 1; t < gains.Length; t++)
        {
            for (int n = 0; n < output[0].Length; n++)
            {
                Assert.True(Math.Abs(output[t][n] - gains[t] * output[0][n]) <= 1e-6, $"channel {t} frame {n}: {output[t][n]} vs {gains[t] * output[0][n]}");
            }
        }
    }
}
