namespace HapticShm.Plugin.Window;

/// <summary>
/// The host's event loop as the X11 window needs it: watch one file descriptor (the X connection)
/// and tick a timer, both calling back on the host's UI thread. VST3 wraps
/// <c>Steinberg::Linux::IRunLoop</c>; CLAP wraps its posix-fd-support and timer-support extensions.
/// No thread of ours ever talks to X.
/// </summary>
public interface IEditorRunLoop
{
    /// <summary>Calls <see cref="IEditorRunLoopClient.OnFdReady"/> whenever <paramref name="fd"/> is readable.</summary>
    bool RegisterFd(int fd, IEditorRunLoopClient client);

    /// <summary>Stops watching the descriptor (no call after it returns).</summary>
    void UnregisterFd();

    /// <summary>Calls <see cref="IEditorRunLoopClient.OnTimer"/> every <paramref name="intervalMs"/> ms.</summary>
    bool RegisterTimer(int intervalMs, IEditorRunLoopClient client);

    /// <summary>Stops the timer (no call after it returns).</summary>
    void UnregisterTimer();
}
