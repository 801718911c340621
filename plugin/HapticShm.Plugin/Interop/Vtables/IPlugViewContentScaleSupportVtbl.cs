namespace HapticShm.Plugin.Interop;

/// <summary>IPlugViewContentScaleSupport (gui/iplugviewcontentscalesupport.h).</summary>
internal unsafe struct IPlugViewContentScaleSupportVtbl
{
    public FUnknownVtbl Unknown;
    public delegate* unmanaged[MemberFunction]<void*, float, int> setContentScaleFactor;
}
