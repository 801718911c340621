using System.Runtime.InteropServices;

namespace HapticShm.Plugin.Clap.Interop;

/// <summary>clap_event_header_t: starts every event.</summary>
[StructLayout(LayoutKind.Explicit, Size = 16)]
public struct ClapEventHeader
{
    [FieldOffset(0)] public uint Size;
    /// <summary>Sample offset within the block.</summary>
    [FieldOffset(4)] public uint Time;
    [FieldOffset(8)] public ushort SpaceId;
    [FieldOffset(10)] public ushort Type;
    [FieldOffset(12)] public uint Flags;

    public const ushort CoreEventSpace = 0;
    public const ushort NoteOn = 0;
    public const ushort NoteOff = 1;
    public const ushort NoteChoke = 2;
    public const ushort NoteEnd = 3;
    public const ushort NoteExpression = 4;
    public const ushort ParamValue = 5;
    public const ushort ParamMod = 6;
    public const ushort ParamGestureBegin = 7;
    public const ushort ParamGestureEnd = 8;
    public const ushort Transport = 9;
    public const ushort Midi = 10;
    public const ushort MidiSysex = 11;
    public const ushort Midi2 = 12;

    // sizeof, not Marshal.SizeOf: the audio thread builds output events with it, and nothing there goes through marshalling.
    public static unsafe ClapEventHeader Of<T>(ushort type, uint time) where T : unmanaged =>
        new() { Size = (uint)sizeof(T), Time = time, SpaceId = CoreEventSpace, Type = type };
}

/// <summary>clap_event_note_t (note on/off/choke/end). -1 in id, port, channel or key is a wildcard.</summary>
[StructLayout(LayoutKind.Explicit, Size = 40)]
public struct ClapEventNote
{
    [FieldOffset(0)] public ClapEventHeader Header;
    [FieldOffset(16)] public int NoteId;
    [FieldOffset(20)] public short PortIndex;
    [FieldOffset(22)] public short Channel;
    [FieldOffset(24)] public short Key;
    [FieldOffset(32)] public double Velocity;
}

/// <summary>clap_event_note_expression_t.</summary>
[StructLayout(LayoutKind.Explicit, Size = 40)]
public struct ClapEventNoteExpression
{
    [FieldOffset(0)] public ClapEventHeader Header;
    [FieldOffset(16)] public int ExpressionId;
    [FieldOffset(20)] public int NoteId;
    [FieldOffset(24)] public short PortIndex;
    [FieldOffset(26)] public short Channel;
    [FieldOffset(28)] public short Key;
    [FieldOffset(32)] public double Value;

    /// <summary>Gain 0..4, 1 = unity (plain = 20 log10 x dB).</summary>
    public const int Volume = 0;
    /// <summary>0 left, 0.5 centre, 1 right.</summary>
    public const int Pan = 1;
    /// <summary>Relative tuning in semitones, -120..120.</summary>
    public const int Tuning = 2;
    public const int Vibrato = 3;
    public const int Expression = 4;
    public const int Brightness = 5;
    public const int Pressure = 6;
}

/// <summary>clap_event_param_value_t: a plain value.</summary>
[StructLayout(LayoutKind.Explicit, Size = 56)]
public unsafe struct ClapEventParamValue
{
    [FieldOffset(0)] public ClapEventHeader Header;
    [FieldOffset(16)] public uint ParamId;
    [FieldOffset(24)] public void* Cookie;
    [FieldOffset(32)] public int NoteId;
    [FieldOffset(36)] public short PortIndex;
    [FieldOffset(38)] public short Channel;
    [FieldOffset(40)] public short Key;
    [FieldOffset(48)] public double Value;
}

/// <summary>clap_event_midi_t: one MIDI 1.0 message.</summary>
[StructLayout(LayoutKind.Explicit, Size = 24)]
public struct ClapEventMidi
{
    [FieldOffset(0)] public ClapEventHeader Header;
    [FieldOffset(16)] public ushort PortIndex;
    [FieldOffset(18)] public byte Status;
    [FieldOffset(19)] public byte Data1;
    [FieldOffset(20)] public byte Data2;
}

/// <summary>clap_event_transport_t (also the block's transport in clap_process_t).</summary>
[StructLayout(LayoutKind.Explicit, Size = 104)]
public struct ClapEventTransport
{
    [FieldOffset(0)] public ClapEventHeader Header;
    [FieldOffset(16)] public uint Flags;
    [FieldOffset(24)] public long SongPosBeats;
    /// <summary>Seconds in fixed point: <see cref="SecTimeFactor"/> per second.</summary>
    [FieldOffset(32)] public long SongPosSeconds;
    [FieldOffset(40)] public double Tempo;
    [FieldOffset(48)] public double TempoInc;
    [FieldOffset(56)] public long LoopStartBeats;
    [FieldOffset(64)] public long LoopEndBeats;
    [FieldOffset(72)] public long LoopStartSeconds;
    [FieldOffset(80)] public long LoopEndSeconds;
    [FieldOffset(88)] public long BarStart;
    [FieldOffset(96)] public int BarNumber;
    [FieldOffset(100)] public ushort TsigNum;
    [FieldOffset(102)] public ushort TsigDenom;

    public const long SecTimeFactor = 1L << 31;
    public const uint HasTempo = 1 << 0;
    public const uint HasBeatsTimeline = 1 << 1;
    public const uint HasSecondsTimeline = 1 << 2;
    public const uint HasTimeSignature = 1 << 3;
    public const uint IsPlaying = 1 << 4;
}

/// <summary>clap_input_events_t.</summary>
[StructLayout(LayoutKind.Explicit, Size = 24)]
public unsafe struct ClapInputEvents
{
    [FieldOffset(0)] public void* Ctx;
    [FieldOffset(8)] public delegate* unmanaged<ClapInputEvents*, uint> Size;
    [FieldOffset(16)] public delegate* unmanaged<ClapInputEvents*, uint, ClapEventHeader*> Get;
}

/// <summary>clap_output_events_t.</summary>
[StructLayout(LayoutKind.Explicit, Size = 16)]
public unsafe struct ClapOutputEvents
{
    [FieldOffset(0)] public void* Ctx;
    [FieldOffset(8)] public delegate* unmanaged<ClapOutputEvents*, ClapEventHeader*, byte> TryPush;
}

/// <summary>clap_event_param_gesture_t (PARAM_GESTURE_BEGIN / END).</summary>
[StructLayout(LayoutKind.Explicit, Size = 20)]
public struct ClapEventParamGesture
{
    [FieldOffset(0)] public ClapEventHeader Header;
    [FieldOffset(16)] public uint ParamId;
}
