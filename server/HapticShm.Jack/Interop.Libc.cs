using System.Runtime.InteropServices;

namespace HapticShm.Jack;

internal static partial class Interop
{
    internal static partial class Libc
    {
        internal const int SIGTERM = 15;

        [LibraryImport("libc", SetLastError = true)]
        internal static partial int kill(int pid, int sig);

        [LibraryImport("libc")]
        internal static unsafe partial nint write(int fd, byte* buffer, nuint count);
    }
}
