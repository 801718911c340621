using System.Runtime.InteropServices;
using static HapticShm.Plugin.Interop.Interop.Spawn;

namespace HapticShm.Plugin.Server;

/// <summary>
/// Reaps the servers we spawned. posix_spawn makes the server our (the host's) child, and a
/// double fork is not possible with it, so an exited server stays a zombie until someone waits
/// for it. The connection threads call <see cref="ReapExited"/> at every poll: a non-blocking
/// wait on exactly our children, through a pidfd where the kernel has them (Linux 5.4: a recycled
/// pid can never make us reap one of the host's own children), else waitpid(pid, WNOHANG). We
/// never wait on -1 and never touch SIGCHLD. A server that exits while no instance is active is
/// reaped by the next activation (or by the host's own exit), so zombies cannot pile up. If the
/// host ignores SIGCHLD or reaps every child itself, the wait fails with ECHILD and we forget it.
/// </summary>
internal static unsafe class LaunchedServers
{
    private const int MaxTracked = 16;
    private static readonly Lock Gate = new();
    private static readonly int[] Pids = new int[MaxTracked];
    private static readonly int[] Pidfds = new int[MaxTracked];
    private static int _count;

    /// <summary>Servers spawned and not yet reaped.</summary>
    public static int Count
    {
        get { lock (Gate) return _count; }
    }

    /// <summary>Remembers a child just spawned (before anyone could have reaped it).</summary>
    public static void Track(int pid)
    {
        int pidfd = (int)syscall(SYS_pidfd_open, pid, 0);
        lock (Gate)
        {
            if (_count == MaxTracked)
            {
                if (pidfd >= 0) _ = close(pidfd);
                return; // never happens in practice: it would stay a zombie until the host exits
            }
            Pids[_count] = pid;
            Pidfds[_count] = pidfd;
            _count++;
        }
    }

    /// <summary>Collects every tracked server that has exited. Allocation-free, never blocks.</summary>
    public static void ReapExited()
    {
        if (Volatile.Read(ref _count) == 0) return;
        byte* info = stackalloc byte[SiginfoBytes];
        lock (Gate)
        {
            for (int i = _count - 1; i >= 0; i--)
            {
                if (!TryReap(Pids[i], Pidfds[i], info)) continue;
                if (Pidfds[i] >= 0) _ = close(Pidfds[i]);
                _count--;
                Pids[i] = Pids[_count];
                Pidfds[i] = Pidfds[_count];
            }
        }
    }

    // True when the child is gone (reaped now, or by someone else before).
    private static bool TryReap(int pid, int pidfd, byte* info)
    {
        if (pidfd >= 0)
        {
            new Span<byte>(info, SiginfoBytes).Clear();
            if (waitid(P_PIDFD, pidfd, info, WEXITED | WNOHANG) == 0)
                return *(int*)(info + 16) != 0; // si_pid: 0 while the child still runs
            return Marshal.GetLastPInvokeError() == ECHILD;
        }
        int status;
        int result = waitpid(pid, &status, WNOHANG);
        return result == pid || (result < 0 && Marshal.GetLastPInvokeError() == ECHILD);
    }
}
