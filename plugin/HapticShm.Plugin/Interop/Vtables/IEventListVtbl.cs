namespace HapticShm.Plugin.Interop;

/// <summary>Vst::IEventList (ivstevents.h).</summary>
internal unsafe struct IEventListVtbl
{
    public delegate* unmanaged[MemberFunction]<void*, void*, void**, int> queryInterface;
    public delegate* unmanaged[MemberFunction]<void*, uint> addRef;
    public delegate* unmanaged[MemberFunction]<void*, uint> release;
    public delegate* unmanaged[MemberFunction]<void*, int> getEventCount;
    public delegate* unmanaged[MemberFunction]<void*, int, Event*, int> getEvent;
    public delegate* unmanaged[MemberFunction]<void*, Event*, int> addEvent;
}
