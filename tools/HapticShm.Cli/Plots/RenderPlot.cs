using System.Globalization;
using System.Numerics;
using ScottPlot;
using SkiaSharp;

namespace HapticShm.Cli.Plots;

/// <summary>One PNG summarising a render: a heatmap of per-transducer RMS over time (left) and the
/// array layout with each transducer coloured by its total energy (right).</summary>
public static class RenderPlot
{
    public const int Width = 1600;
    public const int Height = 900;
    private const int HeatmapWidth = 1000;

    /// <summary>Saves the figure. <paramref name="rmsByTransducerAndTime"/> is [transducer, column];
    /// <paramref name="transducerPositions"/> are in metres, one per row of the matrix.</summary>
    public static void Save(string pngPath, float[,] rmsByTransducerAndTime, double secondsPerColumn,
        ReadOnlySpan<Vector2> transducerPositions, string title)
    {
        ArgumentNullException.ThrowIfNull(rmsByTransducerAndTime);
        int transducers = rmsByTransducerAndTime.GetLength(0);
        if (transducerPositions.Length != transducers)
            throw new ArgumentException($"{transducerPositions.Length} positions for {transducers} transducers", nameof(transducerPositions));
        if (!(secondsPerColumn > 0)) throw new ArgumentOutOfRangeException(nameof(secondsPerColumn), secondsPerColumn, "a positive duration");

        Plot heat = HeatmapPlot(rmsByTransducerAndTime, secondsPerColumn, title);
        Plot layout = LayoutPlot(rmsByTransducerAndTime, secondsPerColumn, transducerPositions);

        using var surface = SKSurface.Create(new SKImageInfo(Width, Height));
        surface.Canvas.Clear(SKColors.White);
        heat.Render(surface.Canvas, new PixelRect(0, HeatmapWidth, Height, 0));
        layout.Render(surface.Canvas, new PixelRect(HeatmapWidth, Width, Height, 0));
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        using var file = File.Create(pngPath);
        png.SaveTo(file);
    }

    /// <summary>Sum over time of RMS squared times column duration: energy per transducer.</summary>
    public static double[] TotalEnergy(float[,] rmsByTransducerAndTime, double secondsPerColumn)
    {
        ArgumentNullException.ThrowIfNull(rmsByTransducerAndTime);
        int rows = rmsByTransducerAndTime.GetLength(0), columns = rmsByTransducerAndTime.GetLength(1);
        var energy = new double[rows];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < columns; c++) energy[r] += (double)rmsByTransducerAndTime[r, c] * rmsByTransducerAndTime[r, c] * secondsPerColumn;
        return energy;
    }

    private static Plot HeatmapPlot(float[,] rms, double secondsPerColumn, string title)
    {
        int rows = rms.GetLength(0), columns = rms.GetLength(1);
        var intensities = new double[rows, columns];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < columns; c++) intensities[r, c] = float.IsFinite(rms[r, c]) ? rms[r, c] : 0;
        var plot = new Plot();
        var heatmap = plot.Add.Heatmap(intensities);
        heatmap.Colormap = new ScottPlot.Colormaps.Inferno();
        heatmap.Extent = new CoordinateRect(0, columns * secondsPerColumn, rows - 0.5, -0.5);
        plot.Add.ColorBar(heatmap).Label = "RMS";
        plot.Title(title);
        plot.XLabel("time (s)");
        plot.YLabel("transducer");
        plot.Axes.SetLimitsY(rows - 0.5, -0.5); // transducer 0 at the top, like a table
        plot.Axes.SetLimitsX(0, columns * secondsPerColumn);
        return plot;
    }

    private static Plot LayoutPlot(float[,] rms, double secondsPerColumn, ReadOnlySpan<Vector2> positions)
    {
        double[] energy = TotalEnergy(rms, secondsPerColumn);
        double max = energy.Length == 0 ? 0 : energy.Max();
        var colormap = new ScottPlot.Colormaps.Inferno();
        var plot = new Plot();
        for (int i = 0; i < positions.Length; i++)
        {
            double x = positions[i].X * 100, y = positions[i].Y * 100; // centimetres read better
            double fraction = max > 0 ? energy[i] / max : 0;
            var marker = plot.Add.Marker(x, y, MarkerShape.FilledCircle, 34, colormap.GetColor(fraction));
            marker.MarkerLineColor = Colors.Black;
            marker.MarkerLineWidth = 1;
            var label = plot.Add.Text(i.ToString(CultureInfo.InvariantCulture), x, y);
            label.LabelAlignment = Alignment.MiddleCenter;
            label.LabelFontColor = fraction > 0.6 ? Colors.Black : Colors.White;
            label.LabelFontSize = 12;
            label.LabelBold = true;
        }
        plot.Title($"layout: energy per transducer (max {max.ToString("G3", CultureInfo.InvariantCulture)})");
        plot.XLabel("x (cm)");
        plot.YLabel("y (cm)");
        plot.Axes.SquareUnits();
        plot.Axes.Margins(0.15, 0.15);
        return plot;
    }
}
