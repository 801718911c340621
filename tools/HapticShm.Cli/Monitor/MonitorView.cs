using System.Globalization;
using HapticShm.Cli.Status;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace HapticShm.Cli.Monitor;

/// <summary>Builds one frame of <c>hapticshm monitor</c> from two successive status reports.</summary>
internal static class MonitorView
{
    private static readonly string[] Shades = ["grey15", "navy", "blue", "dodgerblue1", "green", "yellow", "orange1", "red"];

    /// <summary>One frame at most <paramref name="width"/> columns wide.</summary>
    public static IRenderable Build(StatusReport? now, StatusReport? before, double intervalSeconds, int width)
    {
        if (now is null)
            return new Panel(new Markup("[yellow]no HapticShm server is running[/] — waiting (start one with [bold]hapticshm server start[/])")).Header("HapticShm monitor");
        var c = CultureInfo.InvariantCulture;
        var header = new Markup(string.Create(c,
            $"[bold]server {now.ServerPid}[/] {Markup.Escape(now.Backend)} · {now.SampleRate} Hz · {now.BlockSize} frames · {now.Channels} ch · latency {now.FixedLatencyMs} ms\n" +
            $"load [bold]{now.LoadMeanPercent:F1}%[/] mean, {now.LoadMaxPercent:F1}% max · xruns [bold]{now.Xruns}[/] · voices [bold]{now.ActiveVoices}[/] (peak {now.PeakVoices}) · late {now.Late} · stolen {now.Stolen} · GCs {now.GcCount} · allocated {now.AllocatedBytes} B"));
        return new Rows(header, RingTable.Build(now, before, intervalSeconds, width), Grid(now));
    }

    // The transducers as a grid, 8 to a row (the default array is 4 x 8), shaded by level.
    private static Panel Grid(StatusReport now)
    {
        int columns = now.Levels.Length >= 8 ? 8 : Math.Max(1, now.Levels.Length);
        var lines = new List<string>();
        for (int row = 0; row * columns < now.Levels.Length; row++)
        {
            var cells = new List<string>();
            for (int col = 0; col < columns && row * columns + col < now.Levels.Length; col++)
            {
                float level = now.Levels[row * columns + col];
                int shade = level <= 0 ? 0 : Math.Clamp(1 + (int)(level * (Shades.Length - 1)), 1, Shades.Length - 1);
                cells.Add($"[on {Shades[shade]}] {level.ToString("0.00", CultureInfo.InvariantCulture)} [/]");
            }
            lines.Add(string.Join(" ", cells));
        }
        return new Panel(new Markup(string.Join("\n", lines))).Header("transducers (peak level)");
    }
}
