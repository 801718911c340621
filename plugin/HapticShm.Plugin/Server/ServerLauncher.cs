using HapticShm.Shared.Platform;

namespace HapticShm.Plugin.Server;

/// <summary>
/// Starts the server that ships in our bundle (next to our library: hapticshm-server on Linux,
/// hapticshm-server.exe on Windows) when none answers, spawned directly and detached (see
/// <see cref="PosixServerSpawn"/>, <see cref="WindowsServerSpawn"/>); on Linux its output is
/// appended to the server log in the runtime directory. Two instances racing here are fine: the
/// server keeps one listener and the loser exits. Called on connection threads only.
/// </summary>
internal static class ServerLauncher
{
    public static string ExecutableName => OperatingSystem.IsWindows() ? "hapticshm-server.exe" : "hapticshm-server";

    /// <summary>Launches the bundled server; false when there is none to launch.</summary>
    public static bool TryLaunch()
    {
        string? directory = ModuleLocation.BinaryDirectory();
        if (directory is null) return false;
        string executable = Path.Combine(directory, ExecutableName);
        if (!File.Exists(executable)) return false;
        if (OperatingSystem.IsWindows())
        {
            WindowsServerSpawn.Start(executable, RuntimePaths.RuntimeDirectory);
            return true;
        }
        int pid = PosixServerSpawn.Start(executable, RuntimePaths.RuntimeDirectory, RuntimePaths.ServerLogPath);
        LaunchedServers.Track(pid);
        return true;
    }

    /// <summary>Reaps launched servers that have exited (Linux; nothing to do on Windows).</summary>
    public static void ReapExited()
    {
        if (!OperatingSystem.IsWindows()) LaunchedServers.ReapExited();
    }
}
