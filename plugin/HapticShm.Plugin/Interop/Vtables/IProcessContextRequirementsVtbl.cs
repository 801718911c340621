namespace HapticShm.Plugin.Interop;

/// <summary>Vst::IProcessContextRequirements (ivstaudioprocessor.h, SDK 3.7, mandatory).</summary>
internal unsafe struct IProcessContextRequirementsVtbl
{
    public delegate* unmanaged[MemberFunction]<void*, void*, void**, int> queryInterface;
    public delegate* unmanaged[MemberFunction]<void*, uint> addRef;
    public delegate* unmanaged[MemberFunction]<void*, uint> release;
    public delegate* unmanaged[MemberFunction]<void*, uint> getProcessContextRequirements;
}
