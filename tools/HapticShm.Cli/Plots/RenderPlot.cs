using System.Globalization;
using System.Numerics;
using ScottPlot;
using SkiaSharp;

namespace HapticShm.Cli.Plots;

/// <summary>One PNG summarising a render: a heatmap of per-transducer RMS over time (left), the
/// array layout with each transducer coloured by its total energy (top right) and the same
/// energies as bars (bottom right). Non-finite RMS values count as silence. The heatmap has one
/// row per transducer whatever their number (256 rows are 3 pixels each, still one band per
/// transducer); beyond <see cref="MaxLabelledTransducers"/> the layout's markers shrink with the
/// array and lose their index labels, which would overlap.</summary>
public static class RenderPlot
{
    public const int Width = 1600;
    public const int Height = 900;
    private const int HeatmapWidth = 1000;
    private const int LayoutHeight = 480;
    private const float MarkerSize = 30;
    private const float MinMarkerSize = 7;

    /// <summary>Layouts up to this many transducers get a full-size marker with its index.</summary>
    public const int MaxLabelledTransducers = 32;

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
        if (transducers == 0 || rmsByTransducerAndTime.GetLength(1) == 0)
            throw new ArgumentException("nothing to plot: the RMS matrix is empty", nameof(rmsByTransducerAndTime));

        double[] energy = TotalEnergy(rmsByTransducerAndTime, secondsPerColumn);
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height));
        surface.Canvas.Clear(SKColors.White);
        // Each panel renders to its own surface: a plot clears the whole canvas it is given.
        DrawPanel(surface.Canvas, HeatmapPlot(rmsByTransducerAndTime, secondsPerColumn, title), 0, 0, HeatmapWidth, Height);
        DrawPanel(surface.Canvas, LayoutPlot(energy, transducerPositions), HeatmapWidth, 0, Width - HeatmapWidth, LayoutHeight);
        DrawPanel(surface.Canvas, EnergyBarsPlot(energy), HeatmapWidth, LayoutHeight, Width - HeatmapWidth, Height - LayoutHeight);
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
            for (int c = 0; c < columns; c++)
            {
                double value = rmsByTransducerAndTime[r, c];
                if (double.IsFinite(value)) energy[r] += value * value * secondsPerColumn;
            }
        return energy;
    }

    private static readonly ScottPlot.Colormaps.Inferno EnergyColormap = new();

    private static Plot HeatmapPlot(float[,] rms, double secondsPerColumn, string title)
    {
        int rows = rms.GetLength(0), columns = rms.GetLength(1);
        // With this extent ScottPlot puts intensity row r at y = r; the inverted y axis then shows
        // transducer 0 at the top, like a table.
        var intensities = new double[rows, columns];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < columns; c++) intensities[r, c] = float.IsFinite(rms[r, c]) ? rms[r, c] : 0;
        var plot = new Plot();
        var heatmap = plot.Add.Heatmap(intensities);
        heatmap.Colormap = new ScottPlot.Colormaps.Inferno();
        heatmap.Extent = new CoordinateRect(0, columns * secondsPerColumn, -0.5, rows - 0.5);
        plot.Add.ColorBar(heatmap).Label = "RMS";
        plot.Title(title);
        plot.XLabel("time (s)");
        plot.YLabel("transducer");
        plot.Axes.SetLimitsY(rows - 0.5, -0.5);
        plot.Axes.SetLimitsX(0, columns * secondsPerColumn);
        return plot;
    }

    private static void DrawPanel(SKCanvas canvas, Plot plot, int left, int top, int width, int height)
    {
        using var panel = SKSurface.Create(new SKImageInfo(width, height));
        plot.Render(panel);
        using var image = panel.Snapshot();
        canvas.DrawImage(image, left, top);
    }

    private static Plot LayoutPlot(double[] energy, ReadOnlySpan<Vector2> positions)
    {
        double max = MaxOf(energy);
        var plot = new Plot();
        float size = MarkerSizeFor(positions.Length);
        bool labelled = positions.Length <= MaxLabelledTransducers;
        for (int i = 0; i < positions.Length; i++)
        {
            double x = positions[i].X * 100, y = positions[i].Y * 100; // centimetres read better
            double fraction = max > 0 ? energy[i] / max : 0;
            var marker = plot.Add.Marker(x, y, MarkerShape.FilledCircle, size, EnergyColormap.GetColor(fraction));
            marker.MarkerLineColor = Colors.Black;
            marker.MarkerLineWidth = labelled ? 1 : 0.5f;
            if (!labelled) continue;
            var label = plot.Add.Text(i.ToString(CultureInfo.InvariantCulture), x, y);
            label.LabelAlignment = Alignment.MiddleCenter;
            label.LabelFontColor = fraction > 0.6 ? Colors.Black : Colors.White;
            label.LabelFontSize = 11;
            label.LabelBold = true;
        }
        plot.Title(labelled ? "array layout, coloured by energy" : $"array layout ({positions.Length} transducers), coloured by energy");
        plot.XLabel("x (cm)");
        plot.YLabel("y (cm)");
        plot.Axes.SquareUnits();
        plot.Axes.Margins(0.12, 0.25);
        return plot;
    }

    /// <summary>Marker diameter in pixels: 30 up to 32 transducers, then shrinking as 1/sqrt(N)
    /// (the area a grid gives each one), 10.6 at 256, never below 7.</summary>
    public static float MarkerSizeFor(int transducers) =>
        transducers <= MaxLabelledTransducers ? MarkerSize : MathF.Max(MinMarkerSize, MarkerSize * MathF.Sqrt(MaxLabelledTransducers / (float)transducers));

    private static Plot EnergyBarsPlot(double[] energy)
    {
        double max = MaxOf(energy);
        var plot = new Plot();
        for (int i = 0; i < energy.Length; i++)
        {
            var bar = new Bar { Position = i, Value = energy[i], FillColor = EnergyColormap.GetColor(max > 0 ? energy[i] / max : 0), LineWidth = energy.Length > 64 ? 0 : 0.5f, Size = 0.8 }; // outlines would hide thin bars
            plot.Add.Bar(bar);
        }
        plot.Title("energy per transducer");
        plot.XLabel("transducer");
        plot.YLabel("sum of RMS² · s");
        plot.Axes.Margins(bottom: 0);
        return plot;
    }

    private static double MaxOf(double[] values) => values.Length == 0 ? 0 : values.Max();
}
