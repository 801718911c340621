using HapticShm.Engine.Dsp;

namespace HapticShm.Engine.Tests;

public sealed class FarrowKernelTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(0.25)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(-0.7)]
    [InlineData(1.7)]
    public void Evaluate_AnyFraction_MatchesLagrangeCoefficients(double x)
    {
        var random = new Random(3);
        var signal = new float[64 + 3];
        for (int i = 0; i < signal.Length; i++) signal[i] = (float)(random.NextDouble() * 2 - 1);
        float[] p1 = new float[64], p2 = new float[64], p3 = new float[64];
        FarrowBasis.Compute(signal, p1, p2, p3);
        for (int m = 0; m < 64; m++)
        {
            // Node m + 1 with neighbours m .. m + 3: the Lagrange polynomial through nodes -1, 0, 1, 2 at x.
            double a = signal[m], b = signal[m + 1], c = signal[m + 2], d = signal[m + 3];
            double expected = a * (-x * (x - 1) * (x - 2) / 6) + b * ((x + 1) * (x - 1) * (x - 2) / 2)
                + c * (-(x + 1) * x * (x - 2) / 2) + d * ((x + 1) * x * (x - 1) / 6);
            float actual = FarrowBasis.Evaluate(signal[m + 1], p1[m], p2[m], p3[m], (float)x);
            Assert.True(Math.Abs(actual - expected) < 1e-5, $"node {m}, x {x}: {actual} vs {expected}");
        }
    }

    [Fact]
    public void Add_VectorAndScalarPaths_SameSamplesWhereverTheRunStartsUpToRounding()
    {
        const int Frames = 61;
        var random = new Random(11);
        float[] Random(int n) => Enumerable.Range(0, n).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        float[] p0 = Random(Frames), p1 = Random(Frames), p2 = Random(Frames), p3 = Random(Frames), fade = Random(Frames);
        float[] ramp = Enumerable.Range(0, Frames).Select(i => (i + 1) / 64f).ToArray();
        const float X0 = 0.3f, Dx = -0.8f, G0 = 0.9f, Dg = -0.2f;

        var whole = new float[Frames];
        FarrowKernel.AddFaded(ref whole[0], Frames, ref ramp[0], ref p0[0], ref p1[0], ref p2[0], ref p3[0], X0, Dx, G0, Dg, ref fade[0]);
        var split = new float[Frames];
        foreach ((int from, int to) in new[] { (0, 5), (5, 29), (29, 30), (30, Frames) })
        {
            FarrowKernel.AddFaded(ref split[from], to - from, ref ramp[from], ref p0[from], ref p1[from], ref p2[from], ref p3[from], X0, Dx, G0, Dg, ref fade[from]);
        }
        for (int j = 0; j < Frames; j++)
        {
            float x = X0 + ramp[j] * Dx, g = (G0 + ramp[j] * Dg) * fade[j];
            float expected = g * FarrowBasis.Evaluate(p0[j], p1[j], p2[j], p3[j], x);
            Assert.True(Math.Abs(whole[j] - expected) < 1e-5f, $"frame {j}: {whole[j]} vs {expected}");
            Assert.True(Math.Abs(whole[j] - split[j]) <= 1e-6f, $"frame {j}: {split[j]} split vs {whole[j]} whole"); // x and g step by adds from each run's start
        }
    }

    [Fact]
    public void ComputeLinear_EvaluatesTheLineThroughTheNodeAndTheNext()
    {
        var random = new Random(5);
        var signal = new float[64 + 3];
        for (int i = 0; i < signal.Length; i++) signal[i] = (float)(random.NextDouble() * 2 - 1);
        var p1 = new float[64];
        FarrowBasis.ComputeLinear(signal, p1);
        foreach (float x in new[] { 0f, 0.25f, 1f, -0.5f, 1.5f })
        {
            for (int m = 0; m < 64; m++)
            {
                double expected = signal[m + 1] + x * ((double)signal[m + 2] - signal[m + 1]);
                Assert.True(Math.Abs(FarrowBasis.EvaluateLinear(signal[m + 1], p1[m], x) - expected) < 1e-6, $"node {m}, x {x}");
            }
        }
    }

    [Theory]
    [InlineData(48000, 64, true)]   // 329.6 Hz
    [InlineData(48000, 65, false)]    // 349.2 Hz
    [InlineData(48000, 33, true)]   // 55 Hz
    [InlineData(96000, 75, true)]   // 622 Hz at twice the rate
    [InlineData(96000, 77, false)]    // 698 Hz
    public void Choice_LinearExactlyWhileItsWorstErrorStaysUnderTheBound(int sampleRate, int note, bool linear)
    {
        double omega = 2 * Math.PI * HapticShm.Engine.Voices.NoteFrequency.Hz(note) / sampleRate;
        Assert.Equal(linear ? DelayInterpolation.Linear : DelayInterpolation.Cubic, DelayInterpolationChoice.For(omega));
    }
}
