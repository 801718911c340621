namespace HapticShm.Plugin.Interop;

/// <summary>Steinberg::Vst::ParameterInfo (ivsteditcontroller.h).</summary>
internal unsafe struct ParameterInfo
{
    public const int kCanAutomate = 1 << 0;
    public const int kIsReadOnly = 1 << 1;
    public const int kIsList = 1 << 3;
    public const int kIsHidden = 1 << 4;
    public const int kIsBypass = 1 << 16;
    public uint id;
    public fixed char title[128];
    public fixed char shortTitle[128];
    public fixed char units[128];
    public int stepCount;
    public double defaultNormalizedValue;
    public int unitId;
    public int flags;
}
