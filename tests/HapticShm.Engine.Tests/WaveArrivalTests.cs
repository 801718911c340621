using System.Numerics;
using HapticShm.Shared.Protocol;

namespace HapticShm.Engine.Tests;

public sealed class WaveArrivalTests
{
    private const int Note = 33; // 55 Hz: one period (873 samples) is longer than any delay at 50 m/s

    public static TheoryData<float, float, float> Cases()
    {
        var data = new TheoryData<float, float, float>();
        foreach (float speed in new[] { 50f, 100f, 300f })
        {
            data.Add(speed, 0f, 0.5f);
            data.Add(speed, -0.73f, 0.1f);
            data.Add(speed, 1f, 0.95f);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Render_StaticSource_EveryTransducerLagsByDistanceOverSpeed(float speed, float bend, float timbre)
    {
        var rig = new EngineRig();
        rig.Param(ParamId.WaveSpeed, speed);
        rig.Param(ParamId.Routing, (float)StimulusRouting.Wave);
        rig.Param(ParamId.AttackSeconds, 0f);
        const long onFrame = 100;
        var on = Command.NoteOn(0, Note, 0.8f, rig.Ns(onFrame));
        on.PitchBend = bend;
        on.Timbre = timbre;
        rig.Submit(on);
        float[][] output = rig.Render(12_000);

        TransducerLayout layout = TransducerLayout.Default;
        Vector2 source = EngineRig.SourceAt(bend, timbre);
        double omega = 2 * Math.PI * 440 * Math.Pow(2, (Note - 69) / 12.0) / 48000;
        for (int t = 0; t < layout.Count; t++)
        {
            double expected = Vector2.Distance(layout.Positions[t], source) / speed * 48000;
            SineFit fit = SineFit.Fit(output[t], 3000, 12_000, omega, onFrame);
            double lag = fit.LagNear(omega, expected);
            Assert.True(Math.Abs(lag - expected) < 0.1, $"transducer {t}: lag {lag:F4} samples, expected {expected:F4}");
        }
    }

    [Fact]
    public void Render_WaveOnset_NothingArrivesBeforeTheDelay()
    {
        var rig = new EngineRig();
        rig.Param(ParamId.WaveSpeed, 20f);
        rig.Param(ParamId.Routing, (float)StimulusRouting.Wave);
        rig.Param(ParamId.AttackSeconds, 0f);
        var on = Command.NoteOn(0, 60, 0.8f, rig.Ns(0));
        on.PitchBend = -1f;
        rig.Submit(on);
        float[][] output = rig.Render(2400);
        TransducerLayout layout = TransducerLayout.Default;
        var source = new Vector2(layout.Centre.X - 0.2f, layout.Centre.Y);
        for (int t = 0; t < layout.Count; t++)
        {
            int arrival = (int)Math.Floor(Vector2.Distance(layout.Positions[t], source) / 20 * 48000);
            Assert.Equal(0f, EngineRig.MaxAbs(output[t].AsSpan(0, arrival - 2)));
            Assert.True(EngineRig.MaxAbs(output[t].AsSpan(arrival, 200)) > 0.01f, $"transducer {t} silent after its arrival");
        }
    }
}
