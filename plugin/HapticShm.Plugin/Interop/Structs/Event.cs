using System.Runtime.InteropServices;

namespace HapticShm.Plugin.Interop;

/// <summary>Steinberg::Vst::Event (ivstevents.h): a header and a union of the event kinds at
/// offset 24 (8-aligned because some members hold a double or a pointer).</summary>
[StructLayout(LayoutKind.Explicit, Size = 48)]
internal struct Event
{
    public const ushort kNoteOnEvent = 0;
    public const ushort kNoteOffEvent = 1;
    public const ushort kDataEvent = 2;
    public const ushort kPolyPressureEvent = 3;
    public const ushort kNoteExpressionValueEvent = 4;

    [FieldOffset(0)] public int busIndex;
    [FieldOffset(4)] public int sampleOffset;
    [FieldOffset(8)] public double ppqPosition;
    [FieldOffset(16)] public ushort flags;
    [FieldOffset(18)] public ushort type;
    [FieldOffset(24)] public NoteOnEvent noteOn;
    [FieldOffset(24)] public NoteOffEvent noteOff;
    [FieldOffset(24)] public PolyPressureEvent polyPressure;
    [FieldOffset(24)] public NoteExpressionValueEvent noteExpressionValue;
}

/// <summary>Steinberg::Vst::NoteOnEvent.</summary>
internal struct NoteOnEvent
{
    public short channel;
    public short pitch;
    public float tuning;
    public float velocity;
    public int length;
    public int noteId;
}

/// <summary>Steinberg::Vst::NoteOffEvent.</summary>
internal struct NoteOffEvent
{
    public short channel;
    public short pitch;
    public float velocity;
    public int noteId;
    public float tuning;
}

/// <summary>Steinberg::Vst::PolyPressureEvent.</summary>
internal struct PolyPressureEvent
{
    public short channel;
    public short pitch;
    public float pressure;
    public int noteId;
}

/// <summary>Steinberg::Vst::NoteExpressionValueEvent.</summary>
internal struct NoteExpressionValueEvent
{
    public uint typeId;
    public int noteId;
    public double value;
}
