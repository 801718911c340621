using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using HapticShm.Plugin.Com;
using HapticShm.Plugin.Interop;

namespace HapticShm.Plugin.Editor;

/// <summary>IEventHandler::onFDIsSet and ITimerHandler::onTimer of <see cref="RunLoopHandler"/>.</summary>
internal static unsafe class RunLoopHandlerExports
{
    public static readonly IEventHandlerVtbl* EventVtbl = CreateEventVtbl();
    public static readonly ITimerHandlerVtbl* TimerVtbl = CreateTimerVtbl();

    private static IEventHandlerVtbl* CreateEventVtbl()
    {
        var vtbl = (IEventHandlerVtbl*)NativeMemory.AllocZeroed((nuint)sizeof(IEventHandlerVtbl));
        UnknownExports.Fill(&vtbl->Unknown);
        vtbl->onFDIsSet = &OnFdIsSet;
        return vtbl;
    }

    private static ITimerHandlerVtbl* CreateTimerVtbl()
    {
        var vtbl = (ITimerHandlerVtbl*)NativeMemory.AllocZeroed((nuint)sizeof(ITimerHandlerVtbl));
        UnknownExports.Fill(&vtbl->Unknown);
        vtbl->onTimer = &OnTimer;
        return vtbl;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static void OnFdIsSet(void* self, int fd)
    {
        try { ComObject.From<RunLoopHandler>(self).FdClient?.OnFdReady(); }
        catch { } // nothing leaves into the host's loop
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static void OnTimer(void* self)
    {
        try { ComObject.From<RunLoopHandler>(self).TimerClient?.OnTimer(); }
        catch { }
    }
}
