namespace HapticShm.Plugin.Interop;

/// <summary>Vst::IConnectionPoint.</summary>
internal unsafe struct IConnectionPointVtbl
{
    public delegate* unmanaged[MemberFunction]<void*, void*, void**, int> queryInterface;
    public delegate* unmanaged[MemberFunction]<void*, uint> addRef;
    public delegate* unmanaged[MemberFunction]<void*, uint> release;
    public delegate* unmanaged[MemberFunction]<void*, void*, int> connect;
    public delegate* unmanaged[MemberFunction]<void*, void*, int> disconnect;
    public delegate* unmanaged[MemberFunction]<void*, void*, int> notify;
}
