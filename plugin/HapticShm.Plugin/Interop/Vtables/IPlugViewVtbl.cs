namespace HapticShm.Plugin.Interop;

/// <summary>IPlugView (gui/iplugview.h).</summary>
internal unsafe struct IPlugViewVtbl
{
    public FUnknownVtbl Unknown;
    public delegate* unmanaged[MemberFunction]<void*, byte*, int> isPlatformTypeSupported;
    public delegate* unmanaged[MemberFunction]<void*, void*, byte*, int> attached;
    public delegate* unmanaged[MemberFunction]<void*, int> removed;
    public delegate* unmanaged[MemberFunction]<void*, float, int> onWheel;
    public delegate* unmanaged[MemberFunction]<void*, ushort, short, short, int> onKeyDown;
    public delegate* unmanaged[MemberFunction]<void*, ushort, short, short, int> onKeyUp;
    public delegate* unmanaged[MemberFunction]<void*, ViewRect*, int> getSize;
    public delegate* unmanaged[MemberFunction]<void*, ViewRect*, int> onSize;
    public delegate* unmanaged[MemberFunction]<void*, byte, int> onFocus;
    public delegate* unmanaged[MemberFunction]<void*, void*, int> setFrame;
    public delegate* unmanaged[MemberFunction]<void*, int> canResize;
    public delegate* unmanaged[MemberFunction]<void*, ViewRect*, int> checkSizeConstraint;
}
