using HapticShm.Plugin.Clap.Interop;
using HapticShm.Plugin.Window;

namespace HapticShm.Plugin.Clap;

/// <summary>
/// The host's clap.timer-support and clap.posix-fd-support as an <see cref="IEditorRunLoop"/>: the
/// host calls our plugin-side on_timer / on_fd on its main thread, which land in
/// <see cref="OnTimer"/> / <see cref="OnFd"/>. No thread of ours talks to X.
/// </summary>
internal sealed unsafe class ClapHostRunLoop : IEditorRunLoop
{
    private readonly ClapHost* _host;
    private readonly ClapHostTimerSupport* _timers;
    private readonly ClapHostPosixFdSupport* _fds;
    private IEditorRunLoopClient? _timerClient, _fdClient;
    private uint _timerId = ClapIds.InvalidId;
    private int _fd = -1;

    private ClapHostRunLoop(ClapHost* host, ClapHostTimerSupport* timers, ClapHostPosixFdSupport* fds)
    {
        _host = host;
        _timers = timers;
        _fds = fds;
    }

    /// <summary>The host's run loop, or null (with <paramref name="error"/>) when it lacks an extension.</summary>
    public static ClapHostRunLoop? From(ClapHost* host, ClapHostTimerSupport* timers, ClapHostPosixFdSupport* fds, out string? error)
    {
        if (timers == null || timers->RegisterTimer == null || timers->UnregisterTimer == null)
        {
            error = "the host offers no clap.timer-support";
            return null;
        }
        if (fds == null || fds->RegisterFd == null || fds->UnregisterFd == null)
        {
            error = "the host offers no clap.posix-fd-support";
            return null;
        }
        error = null;
        return new ClapHostRunLoop(host, timers, fds);
    }

    public bool RegisterFd(int fd, IEditorRunLoopClient client)
    {
        UnregisterFd();
        if (_fds->RegisterFd(_host, fd, ClapHostPosixFdSupport.Read) == 0) return false;
        _fd = fd;
        _fdClient = client;
        return true;
    }

    public void UnregisterFd()
    {
        _fdClient = null;
        if (_fd >= 0) _fds->UnregisterFd(_host, _fd);
        _fd = -1;
    }

    public bool RegisterTimer(int intervalMs, IEditorRunLoopClient client)
    {
        UnregisterTimer();
        uint id = ClapIds.InvalidId;
        if (_timers->RegisterTimer(_host, (uint)intervalMs, &id) == 0 || id == ClapIds.InvalidId) return false;
        _timerId = id;
        _timerClient = client;
        return true;
    }

    public void UnregisterTimer()
    {
        _timerClient = null;
        if (_timerId != ClapIds.InvalidId) _timers->UnregisterTimer(_host, _timerId);
        _timerId = ClapIds.InvalidId;
    }

    /// <summary>gui.hide: frames stop (no reading, drawing or blitting) until gui.show; input is
    /// still drained so the X connection never backs up.</summary>
    public bool Paused { get; set; }

    /// <summary>on_timer: only our timer's id ticks the editor (a late call after unregister does nothing).</summary>
    public void OnTimer(uint timerId)
    {
        if (timerId != _timerId) return;
        if (Paused) _fdClient?.OnFdReady();
        else _timerClient?.OnTimer();
    }

    /// <summary>on_fd for our descriptor.</summary>
    public void OnFd(int fd)
    {
        if (fd == _fd) _fdClient?.OnFdReady();
    }
}
