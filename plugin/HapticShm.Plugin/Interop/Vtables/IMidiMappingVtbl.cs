namespace HapticShm.Plugin.Interop;

/// <summary>Vst::IMidiMapping.</summary>
internal unsafe struct IMidiMappingVtbl
{
    public delegate* unmanaged[MemberFunction]<void*, void*, void**, int> queryInterface;
    public delegate* unmanaged[MemberFunction]<void*, uint> addRef;
    public delegate* unmanaged[MemberFunction]<void*, uint> release;
    public delegate* unmanaged[MemberFunction]<void*, int, short, short, uint*, int> getMidiControllerAssignment;
}
