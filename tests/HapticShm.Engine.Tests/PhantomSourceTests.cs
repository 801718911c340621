using System.Numerics;
using HapticShm.Engine.Audio;
using HapticShm.Engine.Layout;
using HapticShm.Engine.Voices;
using HapticShm.Shared.Protocol;

namespace HapticShm.Engine.Tests;

/// <summary>Phantom point sources: the energy model (sqrt of barycentric weights), rendered
/// through the engine, and moving without clicks.</summary>
public sealed class PhantomSourceTests
{
    private const int Frames = 2400;

    [Fact]
    public void Render_1000RandomPointsInsideTheHull_EnergySumWithin1PercentOfASquared()
    {
        var random = new Random(15);
        double worst = 0;
        for (int k = 0; k < 1000; k++)
        {
            // The default hull is x 0..0.35, y 0..0.15: bend and timbre that keep the point inside.
            float bend = (float)(random.NextDouble() * 1.75 - 0.875);
            float timbre = (float)(0.3125 + random.NextDouble() * 0.375);
            float[][] output = RenderPhantom(bend, timbre, velocity: 0.8f);
            double energy = 0;
            int sounding = 0;
            foreach (float[] channel in output)
            {
                float peak = EngineRig.MaxAbs(channel.AsSpan(Frames / 2));
                energy += peak * peak;
                if (peak > 0) sounding++;
            }
            double error = Math.Abs(energy / (0.8 * 0.8) - 1);
            worst = Math.Max(worst, error);
            Assert.True(error < 0.01, $"point {k} at {EngineRig.SourceAt(bend, timbre)}: energy {energy:F4}, expected {0.64:F4}");
            Assert.InRange(sounding, 1, 3);
        }
        Console.WriteLine($"phantom energy: worst relative error {worst:E2} over 1000 points");
    }

    [Fact]
    public void Render_SourceOnATransducer_OnlyThatTransducerSounds()
    {
        Vector2 centre = TransducerLayout.Default.Centre;
        for (int t = 0; t < TransducerLayout.Default.Count; t++)
        {
            Vector2 p = TransducerLayout.Default.Positions[t];
            (float bend, float timbre) = SourceArea.Controls(centre.X, centre.Y, p.X, p.Y);
            float[][] output = RenderPhantom(bend, timbre, velocity: 1f);
            for (int c = 0; c < output.Length; c++)
            {
                float peak = EngineRig.MaxAbs(output[c]);
                if (c == t) Assert.True(peak > 0.99f, $"transducer {t} at its own position: peak {peak}");
                else Assert.True(peak == 0f, $"source on transducer {t}: transducer {c} sounds ({peak:E2})");
            }
        }
    }

    [Fact]
    public void Render_OutsideTheHull_NearestEdgeKeepsTheEnergy()
    {
        // Below the bottom row, between columns 2 and 3: those two, half the energy each.
        Vector2 centre = TransducerLayout.Default.Centre;
        (float bend, float timbre) = SourceArea.Controls(centre.X, centre.Y, 0.125f, -0.1f);
        float[][] output = RenderPhantom(bend, timbre, velocity: 1f);
        float a = EngineRig.MaxAbs(output[2].AsSpan(Frames / 2)), b = EngineRig.MaxAbs(output[3].AsSpan(Frames / 2));
        Assert.Equal(MathF.Sqrt(0.5f), a, 2);
        Assert.Equal(MathF.Sqrt(0.5f), b, 2);
        Assert.Equal(0f, output.Where((_, c) => c is not (2 or 3)).Max(c => EngineRig.MaxAbs(c)));
    }

    [Theory]
    [InlineData(67, 1.0f)] // 392 Hz at full amplitude
    [InlineData(0, 0.4f)]  // 8 Hz: the literal 1e-3 limit applies
    public void Render_JumpsAndSweepsAcrossEdges_NoStepBeyondTheMovingSourceBound(int note, float velocity)
    {
        // The bound of MovingSourceTests: the carrier's own step A * omega plus 1e-3 for the movement.
        var rig = new EngineRig();
        rig.Param(ParamId.Routing, (float)StimulusRouting.Phantom);
        rig.Param(ParamId.AttackSeconds, 0f);
        rig.Submit(Command.NoteOn(2, (byte)note, velocity, rig.Ns(0)));
        rig.SubmitJumpsThenSweep(2);
        float[][] output = rig.Render(EngineRig.MovingSourceFrames);

        double bound = EngineRig.MovingSourceStepBound(note, velocity);
        float worst = 0;
        int sounded = 0;
        for (int t = 0; t < output.Length; t++)
        {
            float step = EngineRig.MaxStep(output[t]);
            worst = MathF.Max(worst, step);
            Assert.True(step <= bound, $"transducer {t}: step {step:E3} > {bound:E3}");
            if (EngineRig.MaxAbs(output[t]) > 0.05f * velocity) sounded++;
        }
        Assert.True(sounded >= 16, $"the sweep reached only {sounded} transducers");
        Console.WriteLine($"phantom sweep, note {note}: largest step {worst:E3}, bound {bound:E3}, {sounded} transducers reached");
    }

    [Fact]
    public void Panner_SingleRowLayout_PansBetweenTheTwoNeighbours()
    {
        var positions = Enumerable.Range(0, 8).Select(i => new Vector2(0.05f * (7 - i), 0.1f)).ToArray(); // shuffled order along x
        var layout = TransducerLayout.FromArrays(positions, Enumerable.Repeat(1f, 8).ToArray());
        var panner = new PhantomPanner(layout);
        Assert.Equal(0, panner.TriangleCount);
        Span<int> taps = stackalloc int[3];
        Span<float> weights = stackalloc float[3];
        int n = panner.Weights(new Vector2(0.0625f, 0.3f), taps, weights); // off the line, between x = 0.05 and 0.10
        Assert.Equal(2, n);
        Assert.Equal([5, 6], taps[..2].ToArray().Order().ToArray());
        Assert.Equal(1f, weights[0] + weights[1], 5);
        Assert.Equal(0.75f, weights[taps[0] == 6 ? 0 : 1], 4); // transducer 6 sits at x = 0.05, nearer
        n = panner.Weights(new Vector2(-1f, 0f), taps, weights); // past the end: the end transducer alone
        Assert.Equal((1, 7, 1f), (n, taps[0], weights[0]));
    }

    [Fact]
    public void Panner_OneTransducerAndDuplicates_DoNotBreak()
    {
        var single = new PhantomPanner(TransducerLayout.FromArrays([new Vector2(0.1f, 0.1f)], [1f]));
        Span<int> taps = stackalloc int[3];
        Span<float> weights = stackalloc float[3];
        Assert.Equal(1, single.Weights(new Vector2(3f, -2f), taps, weights));
        Assert.Equal((0, 1f), (taps[0], weights[0]));
        var same = new PhantomPanner(TransducerLayout.FromArrays([Vector2.Zero, Vector2.Zero, Vector2.Zero], [1f, 1f, 1f]));
        Assert.Equal(1, same.Weights(new Vector2(0.2f, 0f), taps, weights));
        Assert.Equal(1f, weights[0]);
    }

    [Fact]
    public void Triangulation_DefaultGridAndRandomLayouts_TileTheConvexHull()
    {
        Assert.Equal(2 * 3 * 7, DelaunayTriangulation.Build(TransducerLayout.Default.Positions).Count);
        var random = new Random(7);
        for (int run = 0; run < 20; run++)
        {
            var points = Enumerable.Range(0, 10 + run * 12).Select(_ => new Vector2((float)random.NextDouble(), (float)random.NextDouble() * 0.5f)).ToArray();
            var triangulation = DelaunayTriangulation.Build(points);
            double area = 0;
            int[] tri = triangulation.Triangles;
            for (int i = 0; i < tri.Length; i += 3)
            {
                double a = Cross(points[tri[i]], points[tri[i + 1]], points[tri[i + 2]]);
                Assert.True(a > 0, "every triangle counter-clockwise and not flat");
                area += a / 2;
            }
            Assert.Equal(HullArea(points), area, 6);
            // Delaunay: no point strictly inside any triangle's circumcircle (with a rounding margin).
            for (int i = 0; i < tri.Length; i += 3)
            {
                foreach (Vector2 p in points) Assert.False(InCircle(points[tri[i]], points[tri[i + 1]], points[tri[i + 2]], p) > 1e-9, $"run {run}: not Delaunay");
            }
        }
    }

    [Fact]
    public void Render_PhantomVoicesAndStrokes_AllocateNothing()
    {
        var engine = new StimulusEngine(new EngineOptions());
        var buffer = new PlanarAudioBuffer(engine.ChannelCount, 64);
        long ns = 0;
        engine.Submit(Command.Param(ParamId.Routing, (float)StimulusRouting.Phantom, 0), 0);
        for (int i = 0; i < 6; i++) engine.Submit(Command.NoteOn((byte)i, (byte)(40 + i * 5), 0.5f, 0), 0);
        int block = 0;
        void RenderBlocks(int count)
        {
            for (int b = 0; b < count; b++, block++)
            {
                float bend = MathF.Sin(block * 0.01f);
                for (byte ch = 0; ch < 6; ch++) engine.Submit(Command.Mpe(ch, MpeFields.PitchBend | MpeFields.Timbre, 0, bend * (ch % 2 == 0 ? 1 : -1), 0.5f + 0.5f * bend, ns), 0);
                if (block % 300 == 0) engine.Submit(Command.Stroke(9, 50, 0.7f, 0f, 0f, 0.35f, 0.15f, 800f, ns), 0);
                engine.Render(buffer.AsChannelBuffers(64), ns);
                ns += 1_333_333;
            }
        }
        RenderBlocks(1000);
        Assert.Equal(0, SteadyAllocation.OnThisThread(() => RenderBlocks(4_000)));
        Assert.True(engine.ActiveVoices >= 6);
    }

    private static float[][] RenderPhantom(float bend, float timbre, float velocity)
    {
        var rig = new EngineRig();
        rig.Param(ParamId.Routing, (float)StimulusRouting.Phantom);
        rig.Param(ParamId.AttackSeconds, 0f);
        rig.Submit(Command.NoteOn(0, 60, velocity, rig.Ns(0)) with { PitchBend = bend, Timbre = timbre });
        return rig.Render(Frames, block: 256);
    }

    private static double Cross(Vector2 a, Vector2 b, Vector2 c) => ((double)b.X - a.X) * ((double)c.Y - a.Y) - ((double)b.Y - a.Y) * ((double)c.X - a.X);

    private static double InCircle(Vector2 a, Vector2 b, Vector2 c, Vector2 p)
    {
        double ax = a.X - p.X, ay = a.Y - p.Y, bx = b.X - p.X, by = b.Y - p.Y, cx = c.X - p.X, cy = c.Y - p.Y;
        return (ax * ax + ay * ay) * (bx * cy - cx * by) - (bx * bx + by * by) * (ax * cy - cx * ay) + (cx * cx + cy * cy) * (ax * by - bx * ay);
    }

    // Andrew's monotone chain.
    private static double HullArea(Vector2[] points)
    {
        var sorted = points.OrderBy(p => p.X).ThenBy(p => p.Y).ToArray();
        var hull = new List<Vector2>();
        for (int pass = 0; pass < 2; pass++)
        {
            int start = hull.Count;
            foreach (Vector2 p in pass == 0 ? sorted : sorted.Reverse())
            {
                while (hull.Count >= start + 2 && Cross(hull[^2], hull[^1], p) <= 0) hull.RemoveAt(hull.Count - 1);
                hull.Add(p);
            }
            hull.RemoveAt(hull.Count - 1);
        }
        double area = 0;
        for (int i = 0; i < hull.Count; i++) area += Cross(Vector2.Zero, hull[i], hull[(i + 1) % hull.Count]);
        return area / 2;
    }
}
