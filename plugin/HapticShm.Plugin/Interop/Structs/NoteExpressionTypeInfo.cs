namespace HapticShm.Plugin.Interop;

/// <summary>Steinberg::Vst::NoteExpressionTypeInfo (ivstnoteexpression.h).</summary>
internal unsafe struct NoteExpressionTypeInfo
{
    public const uint kVolumeTypeID = 0;
    public const uint kTuningTypeID = 2;
    public const uint kExpressionTypeID = 4;
    public const uint kBrightnessTypeID = 5;
    public const int kIsBipolar = 1 << 0;
    public const int kIsAbsolute = 1 << 2;
    public uint typeId;
    public fixed char title[128];
    public fixed char shortTitle[128];
    public fixed char units[128];
    public int unitId;
    public double defaultValue;
    public double minimum;
    public double maximum;
    public int stepCount;
    public uint associatedParameterId;
    public int flags;
}
