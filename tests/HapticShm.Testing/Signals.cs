using System.Runtime.InteropServices;

namespace HapticShm.Testing;

/// <summary>Signals to the child processes a test starts.</summary>
public static partial class Signals
{
    private const int SIGTERM = 15;

    /// <summary>Asks <paramref name="pid"/> to exit cleanly, as Ctrl+C or a service manager would.</summary>
    public static void Terminate(int pid) => _ = Kill(pid, SIGTERM);

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
