namespace HapticShm.Plugin.Interop;

/// <summary>Steinberg::Vst::BusInfo (ivstcomponent.h).</summary>
internal unsafe struct BusInfo
{
    public const int kDefaultActive = 1;
    public int mediaType;
    public int direction;
    public int channelCount;
    public fixed char name[128];
    public int busType;
    public uint flags;
}
