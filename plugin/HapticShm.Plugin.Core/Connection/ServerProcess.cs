namespace HapticShm.Plugin.Core.Connection;

/// <summary>
/// The server process of one session, pinned down at connect time so that a hung one can be
/// killed without ever hitting another process: only the pid the server gave in its Welcome, only
/// if it runs as our user and is not our own (host) process, and through a handle taken while the
/// session was alive, so a recycled pid cannot be hit: a pidfd on Linux (without pidfds, before
/// Linux 5.3, its start time is checked again just before kill(2)), a process handle on Windows.
/// </summary>
internal sealed partial class ServerProcess : IDisposable
{
    private readonly long _startTime;
    private nint _handle;

    private ServerProcess(int pid, long startTime, nint handle)
    {
        Pid = pid;
        _startTime = startTime;
        _handle = handle;
    }

    public int Pid { get; }

    /// <summary>Pins down <paramref name="pid"/> (connection thread, right after the handshake,
    /// while the session is open, so the pid is certainly still the server's); null when it may not
    /// be killed: our own process, another user's, gone, or an unsupported platform.</summary>
    public static ServerProcess? TryPin(int pid)
    {
        if (pid <= 1 || pid == Environment.ProcessId) return null;
        if (OperatingSystem.IsLinux()) return TryPinLinux(pid);
        if (OperatingSystem.IsWindows()) return TryPinWindows(pid);
        return null;
    }

    /// <summary>Kills the pinned process at once; false if it is not that process any more.</summary>
    public bool Kill() => OperatingSystem.IsWindows() ? KillWindows() : KillLinux();

    public void Dispose()
    {
        if (OperatingSystem.IsWindows()) CloseWindows();
        else CloseLinux();
        _handle = -1;
    }
}
