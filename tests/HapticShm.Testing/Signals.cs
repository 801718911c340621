using System.Runtime.InteropServices;

namespace HapticShm.Testing;

/// <summary>Signals to the child processes a test starts.</summary>
public static partial class Signals
{
    private const int SIGKILL = 9;
    private const int SIGTERM = 15;

    /// <summary>Asks <paramref name="pid"/> to exit cleanly, as Ctrl+C or a service manager would.</summary>
    public static void Terminate(int pid) => _ = Send(pid, SIGTERM);

    /// <summary>Kills <paramref name="pid"/> outright (kill -9): no goodbye, as a crash would end it.
    /// A pid already gone is no error.</summary>
    public static void Kill(int pid) => _ = Send(pid, SIGKILL);

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Send(int pid, int signal);
}
