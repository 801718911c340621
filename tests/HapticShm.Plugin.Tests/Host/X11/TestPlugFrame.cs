using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using HapticShm.Plugin.Com;
using HapticShm.Plugin.Interop;

namespace HapticShm.Plugin.Tests.Host.X11;

/// <summary>
/// The host side of an editor view: IPlugFrame (slot 0) and Linux::IRunLoop (slot 1). The run loop
/// runs in the test's thread: <see cref="Frame"/> polls the registered descriptor (handler called
/// when readable) and fires the registered timer once, so a test decides when frames happen.
/// </summary>
internal sealed unsafe partial class TestPlugFrame : ComObject
{
    private static readonly IPlugFrameVtbl* FrameVtbl = CreateFrameVtbl();
    private static readonly IRunLoopVtbl* RunLoopVtbl = CreateRunLoopVtbl();
    private void* _eventHandler;
    private int _fd = -1;
    private void* _timerHandler;

    public TestPlugFrame() : base([(nint)FrameVtbl, (nint)RunLoopVtbl])
    {
    }

    public void* Pointer => Interface(0);

    /// <summary>The interval the plugin asked for, ms (0: no timer registered).</summary>
    public ulong TimerIntervalMs { get; private set; }

    public bool HasEventHandler => _eventHandler != null;

    public bool HasTimer => _timerHandler != null;

    /// <summary>Delivers pending X input, then one timer tick (a frame).</summary>
    public void Frame()
    {
        PumpEvents();
        if (_timerHandler != null) NativeCalls.Vtbl<ITimerHandlerVtbl>(_timerHandler)->onTimer(_timerHandler);
    }

    /// <summary>Calls the event handler while its descriptor is readable.</summary>
    public void PumpEvents()
    {
        for (int i = 0; i < 100 && _eventHandler != null; i++)
        {
            PollFd poll = new() { fd = _fd, events = 1 }; // POLLIN
            if (Poll(&poll, 1, 0) <= 0 || (poll.revents & 1) == 0) return;
            NativeCalls.Vtbl<IEventHandlerVtbl>(_eventHandler)->onFDIsSet(_eventHandler, _fd);
        }
    }

    protected override int FindSlot(void* iid)
    {
        if (Iids.FUnknown.Matches(iid) || Iids.IPlugFrame.Matches(iid)) return 0;
        if (Iids.IRunLoop.Matches(iid)) return 1;
        return -1;
    }

    private static TestPlugFrame Get(void* self) => From<TestPlugFrame>(self);

    private static IPlugFrameVtbl* CreateFrameVtbl()
    {
        var vtbl = (IPlugFrameVtbl*)NativeMemory.AllocZeroed((nuint)sizeof(IPlugFrameVtbl));
        UnknownExports.Fill(&vtbl->Unknown);
        vtbl->resizeView = &ResizeView;
        return vtbl;
    }

    private static IRunLoopVtbl* CreateRunLoopVtbl()
    {
        var vtbl = (IRunLoopVtbl*)NativeMemory.AllocZeroed((nuint)sizeof(IRunLoopVtbl));
        UnknownExports.Fill(&vtbl->Unknown);
        vtbl->registerEventHandler = &RegisterEventHandler;
        vtbl->unregisterEventHandler = &UnregisterEventHandler;
        vtbl->registerTimer = &RegisterTimer;
        vtbl->unregisterTimer = &UnregisterTimer;
        return vtbl;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int ResizeView(void* self, void* view, ViewRect* size) => VstResult.kResultOk;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int RegisterEventHandler(void* self, void* handler, int fd)
    {
        TestPlugFrame frame = Get(self);
        if (handler == null || frame._eventHandler != null) return VstResult.kResultFalse;
        NativeCalls.AddRef(handler);
        frame._eventHandler = handler;
        frame._fd = fd;
        return VstResult.kResultOk;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int UnregisterEventHandler(void* self, void* handler)
    {
        TestPlugFrame frame = Get(self);
        if (handler == null || handler != frame._eventHandler) return VstResult.kResultFalse;
        NativeCalls.Release(handler);
        frame._eventHandler = null;
        frame._fd = -1;
        return VstResult.kResultOk;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int RegisterTimer(void* self, void* handler, ulong milliseconds)
    {
        TestPlugFrame frame = Get(self);
        if (handler == null || frame._timerHandler != null) return VstResult.kResultFalse;
        NativeCalls.AddRef(handler);
        frame._timerHandler = handler;
        frame.TimerIntervalMs = milliseconds;
        return VstResult.kResultOk;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int UnregisterTimer(void* self, void* handler)
    {
        TestPlugFrame frame = Get(self);
        if (handler == null || handler != frame._timerHandler) return VstResult.kResultFalse;
        NativeCalls.Release(handler);
        frame._timerHandler = null;
        frame.TimerIntervalMs = 0;
        return VstResult.kResultOk;
    }

    private struct PollFd
    {
        public int fd;
        public short events, revents;
    }

    [LibraryImport("libc", EntryPoint = "poll")]
    private static partial int Poll(PollFd* fds, nuint count, int timeoutMs);
}
