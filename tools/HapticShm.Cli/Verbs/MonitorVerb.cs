using System.CommandLine;
using HapticShm.Cli.Monitor;
using HapticShm.Cli.ServerControl;
using HapticShm.Cli.Status;
using HapticShm.Shared.Status;
using Spectre.Console;

namespace HapticShm.Cli.Verbs;

/// <summary><c>hapticshm monitor</c>: live view of rings, load, voices and the transducer grid.</summary>
internal static class MonitorVerb
{
    public static Command Create()
    {
        var seconds = new Option<double>("--seconds") { Description = "Stop after this long (0 = until Ctrl+C).", DefaultValueFactory = _ => 0 };
        var monitor = new Command("monitor", "Live view refreshed 10 times a second: rings, callback load, xruns, voices, transducer levels.") { seconds };
        monitor.SetAction(async (result, cancel) =>
        {
            await Run(result.GetValue(seconds), cancel).ConfigureAwait(false);
            return 0;
        });
        return monitor;
    }

    /// <summary>Shows the live view until <paramref name="seconds"/> pass (0 = forever) or cancelled.</summary>
    public static async Task Run(double seconds, CancellationToken cancel, Func<bool>? stopWhen = null)
    {
        var end = seconds > 0 ? DateTime.UtcNow.AddSeconds(seconds) : DateTime.MaxValue;
        StatusReport? before = null;
        int width = ConsoleWidth();
        AnsiConsole.Profile.Width = width;
        await AnsiConsole.Live(MonitorView.Build(null, null, 0, width)).StartAsync(async context =>
        {
            while (!cancel.IsCancellationRequested && DateTime.UtcNow < end && !(stopWhen?.Invoke() ?? false))
            {
                StatusReport? now = ServerProbe.TryReadStatus() is StatusBlock block ? StatusReport.From(block) : null;
                width = ConsoleWidth(); // follows a resized terminal
                AnsiConsole.Profile.Width = width;
                context.UpdateTarget(MonitorView.Build(now, before, 0.1, width));
                before = now;
                try { await Task.Delay(100, cancel).ConfigureAwait(false); }
                catch (TaskCanceledException) { break; }
            }
        }).ConfigureAwait(false);
    }

    /// <summary>The terminal's width; 80 when the output is piped or redirected (as demo's often is).</summary>
    public static int ConsoleWidth()
    {
        const int Piped = 80;
        if (Console.IsOutputRedirected) return Piped;
        try
        {
            int width = Console.WindowWidth;
            return width > 0 ? width : Piped;
        }
        catch (IOException)
        {
            return Piped;
        }
    }
}
