namespace HapticShm.Plugin.Interop;

/// <summary>Steinberg::ViewRect (gui/iplugview.h), in pixels.</summary>
internal struct ViewRect
{
    public int left, top, right, bottom;

    public readonly int Width => right - left;

    public readonly int Height => bottom - top;
}
