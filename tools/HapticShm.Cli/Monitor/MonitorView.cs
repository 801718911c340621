using System.Globalization;
using HapticShm.Cli.Status;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace HapticShm.Cli.Monitor;

/// <summary>Builds one frame of <c>hapticshm monitor</c> from two successive status reports.</summary>
internal static class MonitorView
{
    /// <summary>One frame at most <paramref name="width"/> columns wide.</summary>
    public static IRenderable Build(StatusReport? now, StatusReport? before, double intervalSeconds, int width)
    {
        if (now is null)
            return new Panel(new Markup("[yellow]no HapticShm server is running[/] — waiting (start one with [bold]hapticshm server start[/])")).Header("HapticShm monitor");
        var c = CultureInfo.InvariantCulture;
        var header = new Markup(string.Create(c,
            $"[bold]server {now.ServerPid}[/] {Markup.Escape(now.BackendLine)} · {now.SampleRate} Hz · {now.BlockSize} frames · {now.Channels} ch · latency {now.FixedLatencyMs} ms\n" +
            $"load [bold]{now.LoadMeanPercent:F1}%[/] mean, {now.LoadMaxPercent:F1}% max · xruns [bold]{now.Xruns}[/] · voices [bold]{now.ActiveVoices}[/] (peak {now.PeakVoices}) · late {now.Late} · stolen {now.Stolen} · GCs {now.GcCount} · allocated {now.AllocatedBytes} B"));
        return new Rows(header, RingTable.Build(now, before, intervalSeconds, width),
            TransducerGrid.Build(now.Levels, now.TransducerX, now.TransducerY, width));
    }
}
