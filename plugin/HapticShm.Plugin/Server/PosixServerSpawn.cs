using System.Runtime.InteropServices;
using System.Text;
using static HapticShm.Plugin.Interop.Interop.Spawn;

namespace HapticShm.Plugin.Server;

/// <summary>
/// Starts the server with posix_spawn(3), as a guest in the host's process should: no shell, no
/// .NET Process class (which would install its SIGCHLD handling in the host), a new session
/// (POSIX_SPAWN_SETSID: no controlling terminal, not in the host's process group, so the host's
/// job-control signals miss it), default dispositions and an empty signal mask in the child only,
/// stdin from /dev/null, stdout and stderr appended to the server log, and every other
/// descriptor closed in the child (the host's sockets, pipes and devices must not leak into a
/// process that outlives it). The host's own signal handlers are left alone.
/// </summary>
internal static unsafe class PosixServerSpawn
{
    private static readonly Lazy<nint> Environ = new(() =>
        NativeLibrary.TryGetExport(NativeLibrary.Load("libc.so.6"), "environ", out nint address) ? address : 0);

    /// <summary>Spawns <paramref name="executable"/>; its pid, or an exception naming the errno.</summary>
    public static int Start(string executable, string workingDirectory, string logPath)
    {
        byte[] path = NullTerminated(executable), devNull = NullTerminated("/dev/null"), log = NullTerminated(logPath), directory = NullTerminated(workingDirectory);
        byte* attr = stackalloc byte[AttrBytes];
        byte* actions = stackalloc byte[FileActionsBytes];
        byte* signals = stackalloc byte[SigsetBytes];
        Check(posix_spawnattr_init(attr), "posix_spawnattr_init");
        Check(posix_spawn_file_actions_init(actions), "posix_spawn_file_actions_init");
        try
        {
            fixed (byte* pathPointer = path, devNullPointer = devNull, logPointer = log, directoryPointer = directory)
            {
                Check(posix_spawnattr_setflags(attr, POSIX_SPAWN_SETSID | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF), "posix_spawnattr_setflags");
                _ = sigemptyset(signals);
                Check(posix_spawnattr_setsigmask(attr, signals), "posix_spawnattr_setsigmask");
                _ = sigfillset(signals); // whatever the host ignores, the server starts with defaults
                Check(posix_spawnattr_setsigdefault(attr, signals), "posix_spawnattr_setsigdefault");

                Check(posix_spawn_file_actions_addopen(actions, 0, devNullPointer, O_RDONLY, 0), "addopen stdin");
                Check(posix_spawn_file_actions_addopen(actions, 1, logPointer, O_WRONLY | O_CREAT | O_APPEND, 0x180 /* 0600 */), "addopen stdout");
                Check(posix_spawn_file_actions_adddup2(actions, 1, 2), "adddup2 stderr");
                CloseInheritedDescriptors(actions);
                try { _ = posix_spawn_file_actions_addchdir_np(actions, directoryPointer); }
                catch (EntryPointNotFoundException) { } // glibc < 2.29: the server does not need its cwd

                byte** argv = stackalloc byte*[2];
                argv[0] = pathPointer;
                argv[1] = null;
                byte** envp = Environ.Value == 0 ? null : *(byte***)Environ.Value; // the host's live environment
                int pid;
                Check(posix_spawn(&pid, pathPointer, actions, attr, argv, envp), "posix_spawn " + executable);
                return pid;
            }
        }
        finally
        {
            _ = posix_spawn_file_actions_destroy(actions);
            _ = posix_spawnattr_destroy(attr);
        }
    }

    // glibc 2.34 closes everything from 3 up in the child; before that, close what is open now
    // (a descriptor another host thread opens in between may slip through).
    private static void CloseInheritedDescriptors(void* actions)
    {
        try
        {
            Check(posix_spawn_file_actions_addclosefrom_np(actions, 3), "posix_spawn_file_actions_addclosefrom_np");
            return;
        }
        catch (EntryPointNotFoundException)
        {
        }
        foreach (string entry in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
        {
            if (int.TryParse(Path.GetFileName(entry), out int fd) && fd > 2) _ = posix_spawn_file_actions_addclose(actions, fd);
        }
    }

    private static byte[] NullTerminated(string text)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(text) + 1];
        Encoding.UTF8.GetBytes(text, bytes);
        return bytes;
    }

    private static void Check(int error, string what)
    {
        if (error != 0) throw new IOException($"{what} failed: {Marshal.GetPInvokeErrorMessage(error)} (errno {error})");
    }
}
