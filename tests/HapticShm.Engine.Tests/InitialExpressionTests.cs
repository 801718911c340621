using System.Numerics;
using HapticShm.Shared.Protocol;

namespace HapticShm.Engine.Tests;

/// <summary>A NoteOn carries its channel's expression at the time of the note (MPE initial
/// state): the voice starts there, with no glide from the centre.</summary>
public sealed class InitialExpressionTests
{
    private const float Speed = 20f; // slow waves: arrivals from the edge and from the centre are hundreds of frames apart

    private static EngineRig WaveRig()
    {
        var rig = new EngineRig();
        rig.Param(ParamId.WaveSpeed, Speed);
        rig.Param(ParamId.Routing, (float)StimulusRouting.Wave);
        rig.Param(ParamId.AttackSeconds, 0f);
        return rig;
    }

    private static Command NoteOn(EngineRig rig, long frame, float bend, float timbre, float pressure) =>
        Command.NoteOn(1, 60, 0.5f, rig.Ns(frame)) with { PitchBend = bend, Timbre = timbre, Pressure = pressure };

    [Fact]
    public void Render_NoteOnWithBendPlusOne_ArrivesInTheOrderOfASourceAtThePlusXEdge()
    {
        var rig = WaveRig();
        // As the plugin sends it: the channel's bend just before, then the note-on carrying it.
        rig.Submit(Command.Mpe(1, MpeFields.PitchBend, 0f, 1f, 0f, rig.Ns(0)));
        rig.Submit(NoteOn(rig, 0, bend: 1f, timbre: 0.5f, pressure: 1f));
        float[][] output = rig.Render(2400);

        TransducerLayout layout = TransducerLayout.Default;
        var edge = new Vector2(layout.Centre.X + 0.2f, layout.Centre.Y);
        var onsets = new (int Transducer, int Frame, double Distance)[layout.Count];
        for (int t = 0; t < layout.Count; t++)
        {
            double distance = Vector2.Distance(layout.Positions[t], edge);
            int arrival = (int)Math.Floor(distance / Speed * 48000);
            Assert.Equal(0f, EngineRig.MaxAbs(output[t].AsSpan(0, arrival - 2)));
            Assert.True(EngineRig.MaxAbs(output[t].AsSpan(arrival, 200)) > 0.01f, $"transducer {t} silent after its arrival");
            onsets[t] = (t, FirstAbove(output[t], 1e-6f), distance);
        }
        // The +x column is reached first, the -x column last: onsets sorted by distance from the edge.
        var byOnset = onsets.OrderBy(o => o.Frame).ToArray();
        for (int i = 1; i < byOnset.Length; i++)
            Assert.True(byOnset[i].Distance >= byOnset[i - 1].Distance - 0.005, $"transducer {byOnset[i].Transducer} starts before a nearer one");
        float rightmost = layout.Positions.ToArray().Max(p => p.X);
        Assert.Equal(rightmost, layout.Positions[byOnset[0].Transducer].X);
    }

    [Fact]
    public void Render_ChannelExpressionQueuedBeforeTheNoteOn_LeavesTheNewVoiceWhereItsNoteOnPutIt()
    {
        const long onFrame = 100;
        var alone = WaveRig();
        alone.Submit(NoteOn(alone, onFrame, bend: 1f, timbre: 0.8f, pressure: 0.5f));
        float[][] expected = alone.Render(4800);

        // The same note after the channel's earlier messages, which the engine applies on its
        // expression grid (frame 112), after the note has started: they end where the note-on is.
        var rig = WaveRig();
        rig.Submit(Command.Mpe(1, MpeFields.PitchBend | MpeFields.Timbre | MpeFields.Pressure, 1f, -1f, 0.2f, rig.Ns(onFrame - 2)));
        rig.Submit(Command.Mpe(1, MpeFields.PitchBend | MpeFields.Timbre | MpeFields.Pressure, 0.5f, 1f, 0.8f, rig.Ns(onFrame - 1)));
        rig.Submit(NoteOn(rig, onFrame, bend: 1f, timbre: 0.8f, pressure: 0.5f));
        float[][] output = rig.Render(4800);

        Assert.True(EngineRig.MaxAbs(expected[0]) > 0.01f, "the note did not sound");
        for (int t = 0; t < output.Length; t++)
        {
            for (int f = 0; f < output[t].Length; f++)
                Assert.True(Math.Abs(output[t][f] - expected[t][f]) <= 1e-6f, $"transducer {t}, frame {f}: {output[t][f]} vs {expected[t][f]}");
        }
    }

    [Theory]
    [InlineData(StimulusRouting.Wave)]
    [InlineData(StimulusRouting.Standing)]
    public void Render_NoteOnWithPressure_ScalesTheAmplitudeFromTheFirstSample(StimulusRouting routing)
    {
        float[][] Play(float pressure)
        {
            var rig = new EngineRig();
            rig.Param(ParamId.Routing, (float)routing);
            rig.Param(ParamId.AttackSeconds, 0f);
            rig.Submit(NoteOn(rig, 10, bend: 0f, timbre: 0.5f, pressure: pressure));
            return rig.Render(2400);
        }
        float[][] full = Play(1f), quarter = Play(0.25f);

        Assert.True(EngineRig.MaxAbs(full[5]) > 0.05f, "the note did not sound");
        for (int t = 0; t < full.Length; t++)
        {
            for (int f = 0; f < full[t].Length; f++)
                Assert.True(Math.Abs(quarter[t][f] - 0.25f * full[t][f]) <= 1e-6f, $"transducer {t}, frame {f}: {quarter[t][f]} vs {full[t][f]} / 4");
        }
    }

    private static int FirstAbove(float[] samples, float threshold)
    {
        for (int i = 0; i < samples.Length; i++)
        {
            if (MathF.Abs(samples[i]) > threshold) return i;
        }
        return int.MaxValue;
    }
}
