namespace HapticShm.Plugin.Interop;

/// <summary>Linux::ITimerHandler (gui/iplugview.h).</summary>
internal unsafe struct ITimerHandlerVtbl
{
    public FUnknownVtbl Unknown;
    public delegate* unmanaged[MemberFunction]<void*, void> onTimer;
}
