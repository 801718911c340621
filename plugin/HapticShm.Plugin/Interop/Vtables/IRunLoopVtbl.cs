namespace HapticShm.Plugin.Interop;

/// <summary>Linux::IRunLoop (gui/iplugview.h): the host's UI event loop, got from the IPlugFrame.</summary>
internal unsafe struct IRunLoopVtbl
{
    public FUnknownVtbl Unknown;
    public delegate* unmanaged[MemberFunction]<void*, void*, int, int> registerEventHandler;
    public delegate* unmanaged[MemberFunction]<void*, void*, int> unregisterEventHandler;
    public delegate* unmanaged[MemberFunction]<void*, void*, ulong, int> registerTimer;
    public delegate* unmanaged[MemberFunction]<void*, void*, int> unregisterTimer;
}
