namespace HapticShm.Plugin.Interop;

/// <summary>Linux::IEventHandler (gui/iplugview.h): a descriptor became readable.</summary>
internal unsafe struct IEventHandlerVtbl
{
    public FUnknownVtbl Unknown;
    public delegate* unmanaged[MemberFunction]<void*, int, void> onFDIsSet;
}
