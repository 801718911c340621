using HapticShm.Plugin.Com;
using HapticShm.Plugin.Interop;
using HapticShm.Plugin.Window;

namespace HapticShm.Plugin.Editor;

/// <summary>The host's Linux::IRunLoop (from the view's IPlugFrame) as an <see cref="IEditorRunLoop"/>.
/// Holds a counted reference to the run loop and one handler object for the view's life.</summary>
internal sealed unsafe class HostRunLoop : IEditorRunLoop, IDisposable
{
    private readonly void* _runLoop;
    private readonly RunLoopHandler _handler = new();
    private bool _fdRegistered, _timerRegistered;

    private HostRunLoop(void* runLoop) => _runLoop = runLoop;

    /// <summary>The run loop of <paramref name="frame"/>, or null when the host offers none.</summary>
    public static HostRunLoop? From(void* frame)
    {
        void* runLoop = NativeCalls.Query(frame, Iids.IRunLoop);
        return runLoop == null ? null : new HostRunLoop(runLoop);
    }

    private IRunLoopVtbl* Vtbl => NativeCalls.Vtbl<IRunLoopVtbl>(_runLoop);

    public bool RegisterFd(int fd, IEditorRunLoopClient client)
    {
        _handler.FdClient = client;
        _fdRegistered = Vtbl->registerEventHandler(_runLoop, _handler.Interface(RunLoopHandler.EventSlot), fd) == VstResult.kResultOk;
        return _fdRegistered;
    }

    public void UnregisterFd()
    {
        _handler.FdClient = null;
        if (_fdRegistered) Vtbl->unregisterEventHandler(_runLoop, _handler.Interface(RunLoopHandler.EventSlot));
        _fdRegistered = false;
    }

    public bool RegisterTimer(int intervalMs, IEditorRunLoopClient client)
    {
        _handler.TimerClient = client;
        _timerRegistered = Vtbl->registerTimer(_runLoop, _handler.Interface(RunLoopHandler.TimerSlot), (ulong)intervalMs) == VstResult.kResultOk;
        return _timerRegistered;
    }

    public void UnregisterTimer()
    {
        _handler.TimerClient = null;
        if (_timerRegistered) Vtbl->unregisterTimer(_runLoop, _handler.Interface(RunLoopHandler.TimerSlot));
        _timerRegistered = false;
    }

    public void Dispose()
    {
        UnregisterTimer();
        UnregisterFd();
        _handler.Release();
        NativeCalls.Release(_runLoop);
    }
}
