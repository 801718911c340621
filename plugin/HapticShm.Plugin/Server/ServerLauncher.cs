using System.Diagnostics;
using HapticShm.Shared.Platform;

namespace HapticShm.Plugin.Server;

/// <summary>
/// Starts the server that ships in our bundle (Contents/&lt;arch&gt;-linux/hapticshm-server) when none
/// answers. It runs detached: through <c>sh -c '... &amp;'</c> so it is re-parented away from the
/// host, with stdin from /dev/null and output appended to the server log in the runtime directory.
/// Two instances racing here are fine: the server keeps one listener and the loser exits.
/// Called on the connection thread only.
/// </summary>
internal static class ServerLauncher
{
    public const string ExecutableName = "hapticshm-server";

    /// <summary>Launches the bundled server; false when there is none to launch.</summary>
    public static bool TryLaunch()
    {
        string? directory = ModuleLocation.BinaryDirectory();
        if (directory is null) return false;
        string executable = Path.Combine(directory, ExecutableName);
        if (!File.Exists(executable)) return false;
        var start = new ProcessStartInfo("/bin/sh")
        {
            UseShellExecute = false,
            WorkingDirectory = RuntimePaths.RuntimeDirectory,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("\"$0\" </dev/null >>\"$1\" 2>&1 &");
        start.ArgumentList.Add(executable);
        start.ArgumentList.Add(RuntimePaths.ServerLogPath);
        using Process? shell = Process.Start(start);
        shell?.WaitForExit(2000);
        return shell is not null;
    }
}
