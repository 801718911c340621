namespace HapticShm.Plugin.Interop;

/// <summary>Vst::IParamValueQueue (ivstparameterchanges.h).</summary>
internal unsafe struct IParamValueQueueVtbl
{
    public delegate* unmanaged[MemberFunction]<void*, void*, void**, int> queryInterface;
    public delegate* unmanaged[MemberFunction]<void*, uint> addRef;
    public delegate* unmanaged[MemberFunction]<void*, uint> release;
    public delegate* unmanaged[MemberFunction]<void*, uint> getParameterId;
    public delegate* unmanaged[MemberFunction]<void*, int> getPointCount;
    public delegate* unmanaged[MemberFunction]<void*, int, int*, double*, int> getPoint;
    public delegate* unmanaged[MemberFunction]<void*, int, double, int*, int> addPoint;
}
