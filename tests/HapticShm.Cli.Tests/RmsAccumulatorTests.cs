using HapticShm.Cli.Plots;
using HapticShm.Engine.Audio;

namespace HapticShm.Cli.Tests;

public sealed class RmsAccumulatorTests
{
    [Fact]
    public void ToMatrix_SineAndConstant_GiveTheirRms()
    {
        const int rate = 48_000;
        var accumulator = new RmsAccumulator(2, rate, 0.01);
        var sine = new float[rate];
        var constant = new float[rate];
        for (int i = 0; i < rate; i++)
        {
            sine[i] = (float)Math.Sin(2 * Math.PI * 100 * i / rate); // whole periods per 10 ms column
            constant[i] = -0.25f;
        }

        accumulator.Add([sine, constant], 0, rate);
        float[,] rms = accumulator.ToMatrix();

        Assert.Equal(480, accumulator.SamplesPerColumn);
        Assert.Equal(100, rms.GetLength(1));
        for (int t = 0; t < 100; t++)
        {
            Assert.Equal(1 / Math.Sqrt(2), rms[0, t], 4);
            Assert.Equal(0.25, rms[1, t], 6);
        }
    }

    [Fact]
    public void Add_BlocksNotAlignedWithColumns_GiveTheSameMatrixAsOneBlock()
    {
        var random = new Random(5);
        var samples = new float[3][];
        for (int c = 0; c < 3; c++) samples[c] = Enumerable.Range(0, 5000).Select(_ => (float)random.NextDouble()).ToArray();
        var whole = new RmsAccumulator(3, 1000, 0.1);
        whole.Add(samples, 0, 5000);
        var blocks = new RmsAccumulator(3, 1000, 0.1);
        var buffer = new PlanarAudioBuffer(3, 64);

        for (int start = 0; start < 5000; start += 64)
        {
            int frames = Math.Min(64, 5000 - start);
            for (int c = 0; c < 3; c++) samples[c].AsSpan(start, frames).CopyTo(buffer.Channel(c));
            blocks.Add(buffer.AsChannelBuffers(frames));
        }

        Assert.Equal(whole.ToMatrix(), blocks.ToMatrix());
    }

    [Fact]
    public void ToMatrix_PartialLastColumn_IsAveragedOverItsOwnSamples()
    {
        var accumulator = new RmsAccumulator(1, 100, 0.1); // 10 samples per column
        float[] samples = [.. Enumerable.Repeat(0f, 10), .. Enumerable.Repeat(0.5f, 3)];

        accumulator.Add([samples], 0, samples.Length);
        float[,] rms = accumulator.ToMatrix();

        Assert.Equal(2, accumulator.ColumnCount);
        Assert.Equal(0f, rms[0, 0]);
        Assert.Equal(0.5f, rms[0, 1], 6);
    }
}
