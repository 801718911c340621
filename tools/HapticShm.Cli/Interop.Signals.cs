using System.Runtime.InteropServices;

namespace HapticShm.Cli;

internal static partial class Interop
{
    internal static partial class Signals
    {
        private const int SIGTERM = 15;

        [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
        private static partial int Kill(int pid, int signal);

        /// <summary>Asks a process to exit cleanly (SIGTERM on Unix; Kill elsewhere).</summary>
        public static void Terminate(int pid)
        {
            if (OperatingSystem.IsWindows())
            {
                using var process = System.Diagnostics.Process.GetProcessById(pid);
                process.Kill();
                return;
            }
            Kill(pid, SIGTERM);
        }
    }
}
