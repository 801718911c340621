using System.Buffers.Binary;
using HapticShm.Cli.Plots;
using SkiaSharp;

namespace HapticShm.Cli.Tests;

public sealed class RenderPlotTests
{
    [Fact]
    public void Save_SyntheticRender_WritesPngOfTheDocumentedSize()
    {
        using var dir = new TempRuntimeDirectory();
        string png = dir.File("render.png");

        RenderPlot.Save(png, SyntheticRender.MovingSourceRms(400), 0.01, SyntheticRender.GridPositions(), "synthetic moving source");

        byte[] bytes = File.ReadAllBytes(png);
        Assert.True(bytes.Length > 20_000, $"PNG of {bytes.Length} bytes is too small to hold two panels");
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        // IHDR: width and height big-endian at bytes 16 and 20.
        Assert.Equal(RenderPlot.Width, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)));
        Assert.Equal(RenderPlot.Height, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }

    [Fact]
    public void Save_EnergyInFirstTransducersEarly_DrawsThemTopLeftOfTheHeatmap()
    {
        using var dir = new TempRuntimeDirectory();
        string png = dir.File("orientation.png");
        var rms = new float[32, 100];
        for (int r = 0; r < 16; r++)
            for (int t = 0; t < 50; t++) rms[r, t] = 1f;

        RenderPlot.Save(png, rms, 0.01, SyntheticRender.GridPositions(), "orientation");

        using var bitmap = SKBitmap.Decode(png);
        // The heatmap fills roughly x 50..900, y 40..850 of the left panel; transducer 0 is on top, time runs right.
        Assert.True(Brightness(bitmap.GetPixel(200, 200)) > 500, "transducers 0..15 in the first half should be bright (top left)");
        Assert.True(Brightness(bitmap.GetPixel(200, 700)) < 60, "transducers 16..31 should be dark (bottom left)");
        Assert.True(Brightness(bitmap.GetPixel(750, 200)) < 60, "the second half of time should be dark (top right)");
    }

    [Fact]
    public void Save_PositionCountDiffersFromRows_Throws()
    {
        using var dir = new TempRuntimeDirectory();
        var error = Assert.Throws<ArgumentException>(() =>
            RenderPlot.Save(dir.File("x.png"), new float[3, 10], 0.01, SyntheticRender.GridPositions(), "bad"));
        Assert.Contains("32 positions for 3 transducers", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Save_EmptyMatrix_ThrowsInsteadOfDrawingNothing()
    {
        using var dir = new TempRuntimeDirectory();
        var error = Assert.Throws<ArgumentException>(() =>
            RenderPlot.Save(dir.File("empty.png"), new float[32, 0], 0.01, SyntheticRender.GridPositions(), "empty"));
        Assert.Contains("the RMS matrix is empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TotalEnergy_NonFiniteRms_CountsAsSilence()
    {
        float[,] rms = { { float.NaN, 1f, float.PositiveInfinity } };

        Assert.Equal(0.5, RenderPlot.TotalEnergy(rms, 0.5)[0], 12);
    }

    [Fact]
    public void TotalEnergy_ConstantRms_IsRmsSquaredTimesDuration()
    {
        var rms = new float[2, 100];
        for (int t = 0; t < 100; t++)
        {
            rms[0, t] = 0.5f;
            rms[1, t] = 0.25f;
        }

        double[] energy = RenderPlot.TotalEnergy(rms, 0.01);

        Assert.Equal(0.25 * 1.0, energy[0], 9);
        Assert.Equal(0.0625 * 1.0, energy[1], 9);
    }

    private static int Brightness(SKColor color) => color.Red + color.Green + color.Blue;
}
