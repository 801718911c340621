using HapticShm.Shared.Platform;
using HapticShm.Shared.Status;

namespace HapticShm.Cli.ServerControl;

/// <summary>Finds the running server through its status block.</summary>
internal static class ServerProbe
{
    /// <summary>A consistent copy of the status block of a live, ready server, or null.</summary>
    public static StatusBlock? TryReadStatus()
    {
        string path = RuntimePaths.StatusPath;
        if (!File.Exists(path)) return null;
        try
        {
            using var status = StatusFile.Open(path);
            if (!status.TryRead(out StatusBlock block) || block.ReadyNs == 0) return null;
            return IsAlive(block.ServerPid) ? block : null;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>True while a process with that id exists.</summary>
    public static bool IsAlive(int pid)
    {
        if (pid <= 0) return false;
        if (OperatingSystem.IsLinux()) return Directory.Exists($"/proc/{pid}");
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
