namespace HapticShm.Plugin.Interop;

/// <summary>Vst::IComponent (extends IPluginBase).</summary>
internal unsafe struct IComponentVtbl
{
    public delegate* unmanaged[MemberFunction]<void*, void*, void**, int> queryInterface;
    public delegate* unmanaged[MemberFunction]<void*, uint> addRef;
    public delegate* unmanaged[MemberFunction]<void*, uint> release;
    public delegate* unmanaged[MemberFunction]<void*, void*, int> initialize;
    public delegate* unmanaged[MemberFunction]<void*, int> terminate;
    public delegate* unmanaged[MemberFunction]<void*, Tuid*, int> getControllerClassId;
    public delegate* unmanaged[MemberFunction]<void*, int, int> setIoMode;
    public delegate* unmanaged[MemberFunction]<void*, int, int, int> getBusCount;
    public delegate* unmanaged[MemberFunction]<void*, int, int, int, BusInfo*, int> getBusInfo;
    public delegate* unmanaged[MemberFunction]<void*, void*, void*, int> getRoutingInfo;
    public delegate* unmanaged[MemberFunction]<void*, int, int, int, byte, int> activateBus;
    public delegate* unmanaged[MemberFunction]<void*, byte, int> setActive;
    public delegate* unmanaged[MemberFunction]<void*, void*, int> setState;
    public delegate* unmanaged[MemberFunction]<void*, void*, int> getState;
}
