namespace HapticShm.Plugin.Interop;

/// <summary>Vst::IEditController (extends IPluginBase).</summary>
internal unsafe struct IEditControllerVtbl
{
    public delegate* unmanaged[MemberFunction]<void*, void*, void**, int> queryInterface;
    public delegate* unmanaged[MemberFunction]<void*, uint> addRef;
    public delegate* unmanaged[MemberFunction]<void*, uint> release;
    public delegate* unmanaged[MemberFunction]<void*, void*, int> initialize;
    public delegate* unmanaged[MemberFunction]<void*, int> terminate;
    public delegate* unmanaged[MemberFunction]<void*, void*, int> setComponentState;
    public delegate* unmanaged[MemberFunction]<void*, void*, int> setState;
    public delegate* unmanaged[MemberFunction]<void*, void*, int> getState;
    public delegate* unmanaged[MemberFunction]<void*, int> getParameterCount;
    public delegate* unmanaged[MemberFunction]<void*, int, ParameterInfo*, int> getParameterInfo;
    public delegate* unmanaged[MemberFunction]<void*, uint, double, char*, int> getParamStringByValue;
    public delegate* unmanaged[MemberFunction]<void*, uint, char*, double*, int> getParamValueByString;
    public delegate* unmanaged[MemberFunction]<void*, uint, double, double> normalizedParamToPlain;
    public delegate* unmanaged[MemberFunction]<void*, uint, double, double> plainParamToNormalized;
    public delegate* unmanaged[MemberFunction]<void*, uint, double> getParamNormalized;
    public delegate* unmanaged[MemberFunction]<void*, uint, double, int> setParamNormalized;
    public delegate* unmanaged[MemberFunction]<void*, void*, int> setComponentHandler;
    public delegate* unmanaged[MemberFunction]<void*, byte*, void*> createView;
}
