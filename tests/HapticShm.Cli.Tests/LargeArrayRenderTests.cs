using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Text;
using HapticShm.Cli.Plots;
using HapticShm.Cli.Verbs;
using HapticShm.Cli.Wav;
using SkiaSharp;

namespace HapticShm.Cli.Tests;

/// <summary>Arrays beyond 32: a 128-transducer layout renders to a 128-channel WAV and a plot, and
/// the plot keeps one heatmap row per transducer up to 256.</summary>
public sealed class LargeArrayRenderTests
{
    private static Vector2[] Grid(int rows, int columns) =>
        [.. Enumerable.Range(0, rows * columns).Select(i => new Vector2(i % columns * 0.05f, i / columns * 0.05f))];

    [Fact]
    public void Render_128TransducerLayout_Writes128ChannelsWithSoundOnTheLast()
    {
        using var dir = new TempRuntimeDirectory();
        var json = new StringBuilder("{ \"transducers\": [");
        Vector2[] grid = Grid(8, 16);
        json.AppendJoin(",", grid.Select(p => string.Create(CultureInfo.InvariantCulture, $"{{\"x\":{p.X},\"y\":{p.Y}}}")));
        File.WriteAllText(dir.File("layout-128.json"), json.Append("] }").ToString());

        int exit = RenderVerb.Run(null, dir.File("demo.wav"), dir.File("demo.png"), dir.File("layout-128.json"), 48000, 64, json: true);

        Assert.Equal(0, exit);
        WavContents wav = MultichannelWavReader.Read(dir.File("demo.wav"));
        Assert.Equal(128, wav.Channels.Length);
        Assert.True(wav.Channels[127].Max(MathF.Abs) > 0.01f, "transducer 128 stayed silent through the demo's standing waves");
        byte[] png = File.ReadAllBytes(dir.File("demo.png"));
        Assert.Equal(RenderPlot.Width, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.Equal(RenderPlot.Height, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    [Theory]
    [InlineData(8, 16)]
    [InlineData(16, 16)]
    public void Save_LargeArray_KeepsTheHeatmapOneRowPerTransducerTopToBottom(int rows, int columns)
    {
        using var dir = new TempRuntimeDirectory();
        int n = rows * columns;
        // The first half of the transducers sound in the first half of the time, the last eighth all along.
        var rms = new float[n, 100];
        for (int r = 0; r < n; r++)
            for (int t = 0; t < 100; t++) rms[r, t] = (r < n / 2 && t < 50) || r >= n - n / 8 ? 1f : 0f;

        RenderPlot.Save(dir.File("large.png"), rms, 0.01, Grid(rows, columns), "large");

        using var bitmap = SKBitmap.Decode(dir.File("large.png"));
        Assert.Equal((RenderPlot.Width, RenderPlot.Height), (bitmap.Width, bitmap.Height));
        // The heatmap fills roughly x 50..900, y 40..850 of the left panel (as for 32 transducers).
        Assert.True(Brightness(bitmap.GetPixel(200, 200)) > 500, "the first half of the transducers, early: bright (top left)");
        Assert.True(Brightness(bitmap.GetPixel(750, 200)) < 60, "the first half of the transducers, late: dark (top right)");
        Assert.True(Brightness(bitmap.GetPixel(200, 650)) < 60, "transducers from n/2 to 7n/8: dark");
        Assert.True(Brightness(bitmap.GetPixel(750, 820)) > 500, "the last eighth: bright all along (bottom)");
    }

    [Theory]
    [InlineData(1, 30f)]
    [InlineData(32, 30f)]
    [InlineData(128, 15f)]
    [InlineData(256, 10.6066f)]
    public void MarkerSizeFor_ShrinksAsOneOverSqrtN_Beyond32(int n, float expected) =>
        Assert.Equal(expected, RenderPlot.MarkerSizeFor(n), 3);

    private static int Brightness(SKColor color) => color.Red + color.Green + color.Blue;
}
