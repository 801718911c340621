namespace HapticShm.Plugin.Interop;

/// <summary>Vst::IParameterChanges (ivstparameterchanges.h).</summary>
internal unsafe struct IParameterChangesVtbl
{
    public delegate* unmanaged[MemberFunction]<void*, void*, void**, int> queryInterface;
    public delegate* unmanaged[MemberFunction]<void*, uint> addRef;
    public delegate* unmanaged[MemberFunction]<void*, uint> release;
    public delegate* unmanaged[MemberFunction]<void*, int> getParameterCount;
    public delegate* unmanaged[MemberFunction]<void*, int, void*> getParameterData;
    public delegate* unmanaged[MemberFunction]<void*, uint*, int*, void*> addParameterData;
}
