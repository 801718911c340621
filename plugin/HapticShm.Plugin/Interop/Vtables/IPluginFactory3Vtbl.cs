namespace HapticShm.Plugin.Interop;

/// <summary>IPluginFactory, IPluginFactory2 and IPluginFactory3 in one vtable (each extends the last).</summary>
internal unsafe struct IPluginFactory3Vtbl
{
    public delegate* unmanaged[MemberFunction]<void*, void*, void**, int> queryInterface;
    public delegate* unmanaged[MemberFunction]<void*, uint> addRef;
    public delegate* unmanaged[MemberFunction]<void*, uint> release;
    public delegate* unmanaged[MemberFunction]<void*, PFactoryInfo*, int> getFactoryInfo;
    public delegate* unmanaged[MemberFunction]<void*, int> countClasses;
    public delegate* unmanaged[MemberFunction]<void*, int, PClassInfo*, int> getClassInfo;
    public delegate* unmanaged[MemberFunction]<void*, byte*, byte*, void**, int> createInstance;
    public delegate* unmanaged[MemberFunction]<void*, int, PClassInfo2*, int> getClassInfo2;
    public delegate* unmanaged[MemberFunction]<void*, int, PClassInfoW*, int> getClassInfoUnicode;
    public delegate* unmanaged[MemberFunction]<void*, void*, int> setHostContext;
}
