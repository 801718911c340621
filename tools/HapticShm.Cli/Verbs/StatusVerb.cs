using System.CommandLine;
using System.Text.Json;
using HapticShm.Cli.ServerControl;
using HapticShm.Cli.Status;
using HapticShm.Shared.Status;

namespace HapticShm.Cli.Verbs;

/// <summary><c>hapticshm status [--json]</c>: exit code 3 when no server runs.</summary>
internal static class StatusVerb
{
    public const int NoServerExitCode = 3;

    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var status = new Command("status", "Show the server's status block and every client's ring counters.") { json };
        status.SetAction(result =>
        {
            if (ServerProbe.TryReadStatus() is not StatusBlock block)
            {
                Console.Error.WriteLine("no HapticShm server is running (start one with: hapticshm server start)");
                return NoServerExitCode;
            }
            var report = StatusReport.From(block);
            Console.WriteLine(result.GetValue(json)
                ? JsonSerializer.Serialize(report, CliJsonContext.Default.StatusReport)
                : StatusText.Format(report));
            return 0;
        });
        return status;
    }
}
