using System.Runtime.InteropServices;

namespace HapticShm.Plugin.Core.Platform;

internal static partial class Interop
{
    internal static partial class Libc
    {
        private const string LibraryName = "libc";

        internal const int SIGKILL = 9;
        internal const int ENOSYS = 38;
        internal const long SYS_pidfd_open = 434;
        internal const long SYS_pidfd_send_signal = 424;

        [LibraryImport(LibraryName, EntryPoint = "getuid")]
        internal static partial uint getuid();

        [LibraryImport(LibraryName, EntryPoint = "kill", SetLastError = true)]
        internal static partial int kill(int pid, int signal);

        [LibraryImport(LibraryName, EntryPoint = "close")]
        internal static partial int close(int fd);

        // pidfd_open(2) / pidfd_send_signal(2) (Linux 5.3 / 5.1) through syscall(2): glibc wraps
        // them only since 2.36. A pidfd names one process for good, so a recycled pid is never hit.
        [LibraryImport(LibraryName, EntryPoint = "syscall", SetLastError = true)]
        internal static partial long syscall(long number, long arg1, long arg2, long arg3, long arg4);
    }
}
