namespace HapticShm.Plugin.Interop;

/// <summary>FUnknown: the first three entries of every vtable; also how we call any host object.</summary>
internal unsafe struct FUnknownVtbl
{
    public delegate* unmanaged[MemberFunction]<void*, void*, void**, int> queryInterface;
    public delegate* unmanaged[MemberFunction]<void*, uint> addRef;
    public delegate* unmanaged[MemberFunction]<void*, uint> release;
}

/// <summary>A COM-style object as seen through a pointer: its first field is the vtable.</summary>
internal unsafe struct NativeObject
{
    public void* Vtbl;
}
