namespace HapticShm.Plugin.Interop;

/// <summary>Vst::IComponentHandler (ivsteditcontroller.h): edits go to the host through it.</summary>
internal unsafe struct IComponentHandlerVtbl
{
    public FUnknownVtbl Unknown;
    public delegate* unmanaged[MemberFunction]<void*, uint, int> beginEdit;
    public delegate* unmanaged[MemberFunction]<void*, uint, double, int> performEdit;
    public delegate* unmanaged[MemberFunction]<void*, uint, int> endEdit;
    public delegate* unmanaged[MemberFunction]<void*, int, int> restartComponent;
}
