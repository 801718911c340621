using System.Globalization;
using HapticShm.Plugin.Core.Platform;

namespace HapticShm.Plugin.Core.Connection;

/// <summary>
/// The server process of one session, pinned down at connect time so that a hung one can be
/// killed without ever hitting another process: only the pid the server gave in its Welcome,
/// only if it runs as our user and is not our own (host) process, and through a pidfd opened while
/// the session was alive (a recycled pid cannot be hit). Without pidfds (Linux before 5.3) its
/// start time is checked again just before kill(2).
/// </summary>
internal sealed class ServerProcess : IDisposable
{
    private readonly long _startTime;
    private int _pidfd;

    private ServerProcess(int pid, long startTime, int pidfd)
    {
        Pid = pid;
        _startTime = startTime;
        _pidfd = pidfd;
    }

    public int Pid { get; }

    /// <summary>Pins down <paramref name="pid"/> (connection thread, right after the handshake,
    /// while the session is open, so the pid is still the server's); null when it may not be
    /// killed: not Linux, our own process, another user's, or gone.</summary>
    public static ServerProcess? TryPin(int pid)
    {
        if (!OperatingSystem.IsLinux() || pid <= 1 || pid == Environment.ProcessId) return null;
        if (!TryReadIdentity(pid, out uint uid, out long startTime) || uid != Interop.Libc.getuid()) return null;
        int pidfd = (int)Interop.Libc.syscall(Interop.Libc.SYS_pidfd_open, pid, 0, 0, 0);
        // Opened after the identity was read: check again that it is the same process.
        if (!TryReadIdentity(pid, out uid, out long again) || again != startTime || uid != Interop.Libc.getuid())
        {
            if (pidfd >= 0) _ = Interop.Libc.close(pidfd);
            return null;
        }
        return new ServerProcess(pid, startTime, pidfd);
    }

    /// <summary>SIGKILL to the pinned process; false if it is not that process any more.</summary>
    public bool Kill()
    {
        if (_pidfd >= 0) return Interop.Libc.syscall(Interop.Libc.SYS_pidfd_send_signal, _pidfd, Interop.Libc.SIGKILL, 0, 0) == 0;
        if (!TryReadIdentity(Pid, out uint uid, out long startTime) || startTime != _startTime || uid != Interop.Libc.getuid()) return false;
        return Interop.Libc.kill(Pid, Interop.Libc.SIGKILL) == 0;
    }

    // Real uid from /proc/<pid>/status, start time (clock ticks since boot, field 22) from
    // /proc/<pid>/stat; the command name in stat may hold spaces and parentheses, so fields are
    // counted after its last ')'.
    private static bool TryReadIdentity(int pid, out uint uid, out long startTime)
    {
        uid = uint.MaxValue;
        startTime = -1;
        try
        {
            string directory = "/proc/" + pid.ToString(CultureInfo.InvariantCulture);
            foreach (string line in File.ReadLines(directory + "/status"))
            {
                if (!line.StartsWith("Uid:", StringComparison.Ordinal)) continue;
                string[] ids = line[4..].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                if (ids.Length == 0 || !uint.TryParse(ids[0], CultureInfo.InvariantCulture, out uid)) return false;
                break;
            }
            string stat = File.ReadAllText(directory + "/stat");
            string[] fields = stat[(stat.LastIndexOf(')') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // fields[0] is field 3 (state), so field 22 (starttime) is fields[19].
            return fields.Length > 19 && long.TryParse(fields[19], CultureInfo.InvariantCulture, out startTime) && uid != uint.MaxValue;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        if (_pidfd >= 0) _ = Interop.Libc.close(_pidfd);
        _pidfd = -1;
    }
}
