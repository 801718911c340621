using System.Runtime.InteropServices;

namespace HapticShm.Cli;

internal static partial class Interop
{
    internal static partial class Nice
    {
        private const int PRIO_PROCESS = 0;

        [LibraryImport("libc", EntryPoint = "setpriority", SetLastError = true)]
        private static partial int SetPriority(int which, int who, int priority);

        /// <summary>Lowers the calling thread's scheduling priority (Linux: nice applies per thread
        /// when who = 0); a no-op elsewhere. Load generators use it so that they compete with the
        /// rest of the machine, not with the audio thread they are measuring.</summary>
        public static void LowerCurrentThread(int niceness)
        {
            if (OperatingSystem.IsLinux()) _ = SetPriority(PRIO_PROCESS, 0, niceness);
        }
    }
}
