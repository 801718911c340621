using HapticShm.Engine.Dsp;
using HapticShm.Engine.Voices;

namespace HapticShm.Engine.Tests;

/// <summary>A segment's reads, evaluated frame by frame as the wave voice does, against the ideal
/// sine at the gliding delay d(s) = from + r(s) * delta.</summary>
public sealed class SegmentReadsTests
{
    private const int Frames = WaveVoice.SegmentFrames;

    [Theory]
    [InlineData(false, 400.0)]
    [InlineData(true, 329.6)] // note 64, the highest note that reads linearly at 48 kHz
    public void Set_DelaysMovingUpToHalfASamplePerFrame_EveryFrameInterpolatedBelowMinus60dB(bool linear, double hz)
    {
        DelayInterpolation interpolation = linear ? DelayInterpolation.Linear : DelayInterpolation.Cubic;
        float[] deltas = [0f, 0.4f, -0.9f, 1.5f, -3.2f, 5.3f, 12.7f, -31f];
        float[] from = [1.2f, 7.5f, 20.01f, 3.3f, 40f, 2.6f, 100.4f, 300.9f];
        float[] to = from.Zip(deltas, (f, d) => f + d).ToArray();
        float[] gains = Enumerable.Repeat(1f, 8).ToArray();
        double omega = 2 * Math.PI * hz / 48000;
        Assert.Equal(interpolation, DelayInterpolationChoice.For(omega));
        var history = new WaveHistory(4096);
        history.Clear(interpolation);
        var scratch = new RenderScratch();
        for (int written = 0; written < 2048; written += 256)
        {
            Span<float> chunk = history.BeginAppend(256, scratch);
            for (int i = 0; i < 256; i++) chunk[i] = (float)Math.Sin(omega * (written + i));
            history.EndAppend(256, scratch);
        }
        int firstNode = 2048 - Frames - 8; // the segment's frames have their own samples written

        var reads = new SegmentReads(8);
        reads.Set(from, to, gains, gains);

        Assert.True(reads.HasMultipleWindows);
        for (int t = 0; t < 8; t++)
        {
            int windows = reads.Windows[t];
            int needed = Math.Max(1, (int)Math.Ceiling(Math.Abs(deltas[t]) - 1e-6)); // a window per sample of movement
            Assert.Equal((int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)needed), windows);
            double worst = 0;
            for (int w = 0; w < windows; w++)
            {
                int lag = reads.Lags[w * 8 + t];
                Assert.True(lag >= 2, $"transducer {t} window {w}: lag {lag} reads the newest samples");
                for (int s = SegmentReads.WindowStart(w, windows); s < SegmentReads.WindowStart(w + 1, windows); s++)
                {
                    float r = (s + 1) / (float)Frames;
                    float x = reads.X0[w * 8 + t] + r * reads.Dx[t];
                    Assert.InRange(x, -1f, 2f);
                    int node = firstNode + s - lag;
                    float y = interpolation == DelayInterpolation.Linear
                        ? FarrowBasis.EvaluateLinear(history.P0[node], history.P1[node], x)
                        : FarrowBasis.Evaluate(history.P0[node], history.P1[node], history.P2[node], history.P3[node], x);
                    double delay = from[t] + r * deltas[t];
                    worst = Math.Max(worst, Math.Abs(y - Math.Sin(omega * (firstNode + s - delay))));
                }
            }
            Assert.True(20 * Math.Log10(worst) < -60, $"transducer {t} (delta {deltas[t]}): worst error {20 * Math.Log10(worst):F1} dB");
        }
    }

    [Fact]
    public void Set_FixedDelays_OneWindowAtTheLagrangeNodes()
    {
        float[] delays = [0.3f, 1f, 1.5f, 7.25f, 99.99f, 2f, 3f, 4f];
        float[] gains = [1f, 0.5f, 0.25f, 1f, 1f, 1f, 1f, 1f];
        var reads = new SegmentReads(8);
        reads.Set(delays, delays, gains, gains);
        Assert.False(reads.HasMultipleWindows);
        for (int t = 0; t < 8; t++)
        {
            LagrangeDelay.Coefficients(delays[t], 1f, out int offset, out _, out _, out _, out _);
            Assert.Equal(1, reads.Windows[t]);
            Assert.Equal(offset - 1, reads.Lags[t]); // Farrow's node is Lagrange's node 1
            Assert.Equal(0f, reads.Dx[t]);
            Assert.Equal(0f, reads.Dg[t]);
            Assert.Equal(gains[t], reads.G0[t]);
        }
    }

    [Theory]
    [InlineData(8.0)]   // below 9 Hz: the half-a-sample-per-frame cap is the slew limit
    [InlineData(20.6)]
    [InlineData(46.2)]
    [InlineData(110.0)]
    [InlineData(246.9)]
    [InlineData(329.6)] // the highest linear note at 48 kHz
    public void Set_LinearOneWindow_DelaysMovingAtTheSlewLimit_EveryFrameBelowMinus60dB(double hz)
    {
        double omega = 2 * Math.PI * hz / 48000;
        Assert.Equal(DelayInterpolation.Linear, DelayInterpolationChoice.For(omega));
        float limit = (float)(Math.Min(0.5, 0.6e-3 / omega) * Frames); // WaveVoice's slew limit per segment
        float[] deltas = [limit, -limit, 0.5f * limit, -0.3f * limit, limit, -limit, 0f, limit];
        float[] from = [1.05f, limit + 1.5f, 7.5f, 20.01f, 100.4f, 300.9f + limit, 3.3f, 2.6f];
        float[] to = from.Zip(deltas, (f, d) => f + d).ToArray();
        float[] gains = Enumerable.Repeat(1f, 8).ToArray();
        var history = new WaveHistory(4096);
        history.Clear(DelayInterpolation.Linear);
        var scratch = new RenderScratch();
        for (int written = 0; written < 2048; written += 256)
        {
            Span<float> chunk = history.BeginAppend(256, scratch);
            for (int i = 0; i < 256; i++) chunk[i] = (float)Math.Sin(omega * (written + i));
            history.EndAppend(256, scratch);
        }
        int firstNode = 2048 - Frames - 8;

        var reads = new SegmentReads(8);
        reads.Set(from, to, gains, gains, oneWindow: true);

        Assert.False(reads.HasMultipleWindows);
        double worst = 0;
        for (int t = 0; t < 8; t++)
        {
            Assert.Equal(1, reads.Windows[t]);
            Assert.True(reads.Lags[t] >= 2, $"transducer {t}: lag {reads.Lags[t]} reads the newest samples");
            for (int s = 0; s < Frames; s++)
            {
                float r = (s + 1) / (float)Frames;
                float x = reads.X0[t] + r * reads.Dx[t];
                int node = firstNode + s - reads.Lags[t];
                float y = FarrowBasis.EvaluateLinear(history.P0[node], history.P1[node], x);
                double delay = from[t] + r * deltas[t];
                worst = Math.Max(worst, Math.Abs(y - Math.Sin(omega * (firstNode + s - delay))));
            }
        }
        double db = 20 * Math.Log10(worst);
        Console.WriteLine($"linear, one window, {hz} Hz, delay moving {limit:F2} samples per segment: worst error {db:F1} dB");
        Assert.True(db < -60, $"{hz} Hz: worst error {db:F1} dB");
    }
}
