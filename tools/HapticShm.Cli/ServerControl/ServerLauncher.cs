using CliWrap;
using HapticShm.Shared.Platform;
using HapticShm.Shared.Status;

namespace HapticShm.Cli.ServerControl;

/// <summary>Finds the hapticshm-server executable and starts it in the background.</summary>
internal static class ServerLauncher
{
    /// <summary>Overrides where the server executable is (e.g. a NativeAOT build).</summary>
    public const string ServerPathVariable = "HAPTICSHM_SERVER";

    public static string ExecutablePath()
    {
        string? overridden = Environment.GetEnvironmentVariable(ServerPathVariable);
        if (!string.IsNullOrEmpty(overridden)) return overridden;
        string name = OperatingSystem.IsWindows() ? "hapticshm-server.exe" : "hapticshm-server";
        string beside = Path.Combine(AppContext.BaseDirectory, name);
        if (File.Exists(beside)) return beside;
        throw new FileNotFoundException($"cannot find {name} next to hapticshm ({AppContext.BaseDirectory}); build the solution or set {ServerPathVariable}");
    }

    /// <summary>Starts the server detached from our stdio and waits until its status block says
    /// ready. Returns the ready status, or throws with what went wrong.</summary>
    public static async Task<StatusBlock> StartAsync(IReadOnlyList<string> serverArguments, TimeSpan timeout)
    {
        string executable = ExecutablePath();
        var task = CliWrap.Cli.Wrap(executable)
            .WithArguments(serverArguments)
            .WithValidation(CommandResultValidation.None)
            .WithStandardOutputPipe(PipeTarget.Null)
            .WithStandardErrorPipe(PipeTarget.Null)
            .ExecuteAsync();
        int pid = task.ProcessId;
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (ServerProbe.TryReadStatus() is StatusBlock status) return status;
            if (task.Task.IsCompleted)
            {
                var result = await task.Task.ConfigureAwait(false);
                // Exit 0 right away means another server won the race; it will be ready soon.
                if (result.ExitCode != 0)
                    throw new InvalidOperationException($"{executable} exited with code {result.ExitCode}{LastLogLine()}; see {RuntimePaths.ServerLogPath}");
            }
            await Task.Delay(5).ConfigureAwait(false);
        }
        throw new TimeoutException($"the server (pid {pid}) was not ready within {timeout.TotalSeconds} s{LastLogLine()}; see {RuntimePaths.ServerLogPath}");
    }

    // The server's own words for why it stopped are the last line of its log.
    private static string LastLogLine()
    {
        try
        {
            string? last = File.ReadLines(RuntimePaths.ServerLogPath).LastOrDefault(line => line.Length > 0);
            return last is null ? "" : $" ({last.Trim()})";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}
