using HapticShm.Cli.Monitor;
using HapticShm.Cli.Status;
using Spectre.Console.Rendering;

namespace HapticShm.Cli.Tests;

/// <summary>The monitor's transducer panel shows every transducer of 1..256, laid out as the array is, within the console width.</summary>
public sealed class TransducerGridTests
{
    private static (float[] X, float[] Y) Grid(int rows, int columns, float spacing = 0.05f) =>
        ([.. Enumerable.Range(0, rows * columns).Select(i => i % columns * spacing)], [.. Enumerable.Range(0, rows * columns).Select(i => i / columns * spacing)]);

    [Fact]
    public void Arrange_DefaultFourByEight_IsFourRowsOfEightInIndexOrder()
    {
        var (x, y) = Grid(4, 8);

        int[][] rows = TransducerGrid.Arrange(32, x, y, maxColumns: 25);

        Assert.Equal([.. Enumerable.Range(0, 4).Select(r => Enumerable.Range(r * 8, 8).ToArray())], rows);
    }

    [Fact]
    public void Arrange_RowsByYAndColumnsByX_WhateverTheIndexOrder()
    {
        // Column-major numbering: transducer i sits at column i / 2, row i % 2; row 1 lacks its last column.
        float[] x = [0, 0, 0.05f, 0.05f, 0.10f];
        float[] y = [0, 0.05f, 0, 0.05f, 0];

        int[][] rows = TransducerGrid.Arrange(5, x, y, maxColumns: 25);

        Assert.Equal([[0, 2, 4], [1, 3]], rows);
    }

    [Fact]
    public void Arrange_ScatteredXBeyondTheWidth_PacksInIndexOrder()
    {
        // A ring of 40: every x differs, more than 25 columns would fit.
        float[] x = [.. Enumerable.Range(0, 40).Select(i => MathF.Cos(i * MathF.Tau / 40) + i * 1e-3f)];
        float[] y = [.. Enumerable.Range(0, 40).Select(i => MathF.Sin(i * MathF.Tau / 40))];

        int[][] rows = TransducerGrid.Arrange(40, x, y, maxColumns: 25);

        Assert.Equal(Enumerable.Range(0, 40), rows.SelectMany(r => r));
        Assert.All(rows, r => Assert.InRange(r.Length, 1, 25));
    }

    [Fact]
    public void Arrange_NoPositions_EightToARow()
    {
        int[][] rows = TransducerGrid.Arrange(20, null, null, maxColumns: 25);

        Assert.Equal([8, 8, 4], rows.Select(r => r.Length));
    }

    [Theory]
    [InlineData(16, 16, 80)]
    [InlineData(16, 16, 60)]
    [InlineData(8, 16, 80)]
    [InlineData(4, 64, 100)]
    [InlineData(1, 256, 80)]
    public void Build_LargeArrays_ShowsOneShadeCellPerTransducerWithinTheWidth(int rowCount, int columnCount, int width)
    {
        int n = rowCount * columnCount;
        var (x, y) = Grid(rowCount, columnCount);
        float[] levels = [.. Enumerable.Range(0, n).Select(i => i % 5 == 0 ? 0f : 0.2f + i % 4 * 0.25f)];

        string[] lines = Render(TransducerGrid.Build(levels, x, y, width), width);

        Assert.All(lines, line => Assert.True(line.Length <= width, $"{line.Length} columns at width {width}: {line}"));
        string body = string.Join("\n", lines.Skip(1).SkipLast(1));
        int cells = new[] { "··", "░░", "▒▒", "▓▓", "██" }.Sum(block => Count(body, block));
        Assert.Equal(n, cells);
        Assert.Equal(n / 5 + (n % 5 == 0 ? 0 : 1), Count(body, "··")); // the silent ones
        int fit = (width - TransducerGrid.PanelChrome + 1) / TransducerGrid.CompactCell;
        Assert.Equal(rowCount * (int)Math.Ceiling(columnCount / (double)fit), lines.Length - 2); // one line per row, wrapped if needed
    }

    [Fact]
    public void Build_DefaultArrayAt80Columns_ShowsEveryLevelAsANumberInFourRows()
    {
        var (x, y) = Grid(4, 8);
        float[] levels = [.. Enumerable.Range(0, 32).Select(i => i / 31f)];

        string[] lines = Render(TransducerGrid.Build(levels, x, y, 80), 80);

        Assert.Equal(6, lines.Length); // border, 4 rows, border
        Assert.Contains(" 0.00 ", lines[1], StringComparison.Ordinal);
        Assert.Contains(" 1.00 ", lines[4], StringComparison.Ordinal);
        Assert.Equal(32, lines.Sum(line => Count(line, ".")));
    }

    [Fact]
    public void MonitorView_256TransducerStatus_RendersAllOfThemAt80Columns()
    {
        var (x, y) = Grid(16, 16);
        var report = new StatusReport(ServerPid: 1, Backend: "jack", SampleRate: 48000, BlockSize: 64, Channels: 256, FixedLatencyMs: 3.7, ReadyMs: 40,
            UptimeSeconds: 1, Callbacks: 1, LoadMeanPercent: 1, LoadMaxPercent: 1, MaxCallbackUs: 1, Xruns: 0, Overruns: 0, TimelineSteps: 0,
            TimelineResyncs: 0, ActiveVoices: 0, PeakVoices: 0, NotesPlayed: 0, Late: 0, Stolen: 0, Rejected: 0, GcCount: 0, AllocatedBytes: 0,
            FaultedAtSeconds: -1, FaultSilencedBlocks: 0, Levels: [.. Enumerable.Repeat(1f, 256)], Clients: [], TransducerX: x, TransducerY: y);

        string[] lines = Render(MonitorView.Build(report, null, 0.1, 80), 80);

        Assert.All(lines, line => Assert.True(line.Length <= 80, line));
        Assert.Equal(256, lines.Sum(line => Count(line, "██")));
        Assert.Equal(16, lines.Count(line => line.Contains("██", StringComparison.Ordinal)));
    }

    private static string[] Render(IRenderable renderable, int width) => ConsoleRender.Lines(ConsoleRender.Text(renderable, width).TrimEnd());

    private static int Count(string text, string what)
    {
        int count = 0;
        for (int i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + what.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
