using HapticShm.Engine.Voices;
using HapticShm.Shared.Protocol;

namespace HapticShm.Engine.Tests;

/// <summary>Tactile strokes: phantom points whose onsets and durations follow the Tactile Brush
/// timing model, checked to the sample in an offline render.</summary>
public sealed class StrokeTests
{
    [Fact]
    public void TimingModel_PointsFillTheStrokeAndSoaFollowsDuration()
    {
        // 8 points over 1 s: T = 7 SOA + d with SOA = 0.32 d + 47.3.
        double d = TactileBrush.PointMs(8, 1000);
        Assert.Equal(1000, 7 * (0.32 * d + 47.3) + d, 9);
        Assert.Equal(0.32 * d + 47.3, TactileBrush.SoaMs(d), 12);
        Assert.Equal(8, TactileBrush.PointCount(0.35, 0.05, 1000));
        // Too short for 8 points of >= 20 ms: fewer points.
        int points = TactileBrush.PointCount(0.35, 0.05, 300);
        Assert.True(points < 8 && TactileBrush.PointMs(points, 300) >= TactileBrush.MinPointMs && TactileBrush.PointMs(points + 1, 300) < TactileBrush.MinPointMs);
        Assert.Equal(1, TactileBrush.PointCount(0, 0.05, 500));
    }

    [Theory]
    [InlineData(64)]
    [InlineData(37)] // onsets fall anywhere inside blocks
    public void Render_StrokeAlongTheBottomRow_EachPointStartsAndStopsOnItsModelSample(int block)
    {
        var rig = new EngineRig();
        const long start = 1000;
        const double strokeMs = 1000;
        rig.Submit(Command.Stroke(0, 60, 1f, 0f, 0f, 0.35f, 0f, (float)strokeMs, rig.Ns(start)));
        float[][] output = rig.Render(60_000, block);

        // The model, independently: 8 points (one per 5 cm column), d and SOA from T.
        const int n = 8;
        double d = (strokeMs - 47.3 * (n - 1)) / (1 + 0.32 * (n - 1));
        double soa = 0.32 * d + 47.3;
        long durationFrames = (long)Math.Round(d * 48);
        for (int i = 0; i < n; i++)
        {
            long onset = start + (long)Math.Round(i * soa * 48);
            float[] channel = output[i]; // bottom row, column i: the point sits on this transducer
            int first = Array.FindIndex(channel, s => s != 0f);
            // The carrier starts at sin(0) = 0: the onset frame is silent, the next one is not.
            Assert.Equal(onset + 1, first);
            int last = Array.FindLastIndex(channel, s => s != 0f);
            long releaseEnd = onset + durationFrames + (long)Math.Ceiling(0.005 * 48000); // 5 ms release ramp
            Assert.InRange(last, releaseEnd - 2, releaseEnd + 1);
        }
        for (int c = n; c < output.Length; c++) Assert.Equal(0f, EngineRig.MaxAbs(output[c]));
    }

    [Fact]
    public void Render_DiagonalStroke_OnsetsMoveAcrossTheArrayInOrder()
    {
        var rig = new EngineRig();
        rig.Submit(Command.Stroke(0, 50, 0.8f, 0f, 0f, 0.35f, 0.15f, 800f, rig.Ns(0)));
        float[][] output = rig.Render(48_000, 64);
        // Corner to corner: the first transducer to sound is the start corner, the last the far one.
        int[] onsets = output.Select(c => Array.FindIndex(c, s => MathF.Abs(s) > 1e-3f)).ToArray();
        Assert.True(onsets[0] >= 0 && onsets[31] > 0);
        Assert.Equal(onsets.Where(o => o >= 0).Min(), onsets[0]);
        Assert.Equal(onsets.Max(), onsets[31]);
        Assert.Equal(0, rig.Engine.ActiveVoices); // every point released and finished
    }

    [Fact]
    public void Render_StrokeRouting_NoteDrawsAStrokeAndNoteOffDoesNotCutIt()
    {
        var rig = new EngineRig();
        rig.Param(ParamId.Routing, (float)StimulusRouting.Stroke);
        // bend -1, timbre 0.5: from the left edge's middle to the right edge's middle.
        rig.Submit(Command.NoteOn(0, 50, 1f, rig.Ns(0)) with { PitchBend = -1f, Timbre = 0.5f });
        rig.Submit(Command.NoteOff(0, 50, rig.Ns(100)));
        float[][] output = rig.Render(60_000, 64);
        int right = 8 * 1 + 7, left = 8 * 1;
        int leftOnset = Array.FindIndex(output[left], s => s != 0f), rightOnset = Array.FindIndex(output[right], s => s != 0f);
        Assert.InRange(leftOnset, 1, 10);
        // The last point starts well after the note-off, about 1 s minus one point's duration later.
        Assert.True(rightOnset > 30_000, $"right edge onset at {rightOnset}");
    }

    [Fact]
    public void Submit_BadStroke_IsRejected()
    {
        var rig = new EngineRig();
        Assert.False(rig.Engine.Submit(Command.Stroke(0, 60, 1f, float.NaN, 0, 0, 0, 100, rig.Ns(0)), 0));
        Assert.False(rig.Engine.Submit(Command.Stroke(0, 60, 1f, 0, 0, 0, 0, 0f, rig.Ns(0)), 0));
        Assert.Equal(2, rig.Engine.Counters.Rejected);
    }
}
