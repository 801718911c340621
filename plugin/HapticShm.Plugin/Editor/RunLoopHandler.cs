using HapticShm.Plugin.Com;
using HapticShm.Plugin.Interop;
using HapticShm.Plugin.Window;

namespace HapticShm.Plugin.Editor;

/// <summary>What we register with the host's Linux::IRunLoop: IEventHandler (slot 0) and
/// ITimerHandler (slot 1), both forwarding to the editor window.</summary>
internal sealed unsafe class RunLoopHandler : ComObject
{
    public const int EventSlot = 0;
    public const int TimerSlot = 1;

    public RunLoopHandler() : base([(nint)RunLoopHandlerExports.EventVtbl, (nint)RunLoopHandlerExports.TimerVtbl])
    {
    }

    /// <summary>Where the calls go (null once unregistered: a late call does nothing).</summary>
    public IEditorRunLoopClient? FdClient { get; set; }

    public IEditorRunLoopClient? TimerClient { get; set; }

    protected override int FindSlot(void* iid)
    {
        if (Iids.FUnknown.Matches(iid) || Iids.IEventHandler.Matches(iid)) return EventSlot;
        if (Iids.ITimerHandler.Matches(iid)) return TimerSlot;
        return -1;
    }
}
