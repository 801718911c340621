using System.Globalization;
using HapticShm.Plugin.Core.Platform;

namespace HapticShm.Plugin.Core.Connection;

internal sealed partial class ServerProcess
{
    private static ServerProcess? TryPinLinux(int pid)
    {
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

    private bool KillLinux()
    {
        if (_handle >= 0) return Interop.Libc.syscall(Interop.Libc.SYS_pidfd_send_signal, _handle, Interop.Libc.SIGKILL, 0, 0) == 0;
        if (!TryReadIdentity(Pid, out uint uid, out long startTime) || startTime != _startTime || uid != Interop.Libc.getuid()) return false;
        return Interop.Libc.kill(Pid, Interop.Libc.SIGKILL) == 0;
    }

    private void CloseLinux()
    {
        if (_handle >= 0) _ = Interop.Libc.close((int)_handle);
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
}
