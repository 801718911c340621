namespace HapticShm.Plugin.Interop;

/// <summary>IPlugFrame (gui/iplugview.h): the host side of a view.</summary>
internal unsafe struct IPlugFrameVtbl
{
    public FUnknownVtbl Unknown;
    public delegate* unmanaged[MemberFunction]<void*, void*, ViewRect*, int> resizeView;
}
