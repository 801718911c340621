using System.Runtime.InteropServices;

namespace HapticShm.Shared.Protocol;

/// <summary>
/// One instruction from a client to the engine, exactly <see cref="Size"/> bytes, written in
/// place into a ring slot. The layout is part of the protocol: change it only together with
/// <see cref="Ring.RingLayout.Version"/>; tests lock every offset.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = Size)]
public struct Command
{
    /// <summary>Size of a command and of a ring slot, in bytes.</summary>
    public const int Size = 64;

    /// <summary><see cref="NoteId"/> of a command that names no note.</summary>
    public const int NoNoteId = -1;

    /// <summary>What to do.</summary>
    [FieldOffset(0)] public CommandKind Kind;
    /// <summary>MIDI channel 0..15.</summary>
    [FieldOffset(1)] public byte Channel;
    /// <summary>MIDI note 0..127.</summary>
    [FieldOffset(2)] public byte Note;
    /// <summary>For <see cref="CommandKind.Mpe"/>: which values are present.</summary>
    [FieldOffset(3)] public MpeFields Fields;
    /// <summary>Host note id (VST3), or <see cref="NoNoteId"/>.</summary>
    [FieldOffset(4)] public int NoteId;
    /// <summary>Note-on velocity 0..1 (MIDI velocity / 127).</summary>
    [FieldOffset(8)] public float Velocity;
    /// <summary>Pressure 0..1.</summary>
    [FieldOffset(12)] public float Pressure;
    /// <summary>Pitch bend -1..1 (full range of the bend).</summary>
    [FieldOffset(16)] public float PitchBend;
    /// <summary>Timbre 0..1 (MPE CC74).</summary>
    [FieldOffset(20)] public float Timbre;
    /// <summary>For <see cref="CommandKind.Param"/>: which parameter.</summary>
    [FieldOffset(24)] public ParamId ParamId;
    /// <summary>For <see cref="CommandKind.Param"/>: the value, in the parameter's own unit.</summary>
    [FieldOffset(28)] public float ParamValue;
    /// <summary>For <see cref="CommandKind.Stroke"/>: how long the stroke takes, ms (the bytes of <see cref="ParamValue"/>).</summary>
    [FieldOffset(28)] public float StrokeMilliseconds;
    /// <summary>Per-ring sequence number, starting at 0 and increasing by one per push attempt.</summary>
    [FieldOffset(32)] public long Sequence;
    /// <summary>When it must sound, on <see cref="MonotonicClock"/>, in nanoseconds.</summary>
    [FieldOffset(40)] public long TimestampNs;
    /// <summary>For <see cref="CommandKind.Stroke"/>: start x in metres (layout coordinates). Other kinds: reserved, zero.</summary>
    [FieldOffset(48)] public float StrokeFromX;
    /// <summary>For <see cref="CommandKind.Stroke"/>: start y in metres.</summary>
    [FieldOffset(52)] public float StrokeFromY;
    /// <summary>For <see cref="CommandKind.Stroke"/>: end x in metres.</summary>
    [FieldOffset(56)] public float StrokeToX;
    /// <summary>For <see cref="CommandKind.Stroke"/>: end y in metres.</summary>
    [FieldOffset(60)] public float StrokeToY;

    /// <summary>A note-on; <paramref name="velocity"/> is 0..1.</summary>
    public static Command NoteOn(byte channel, byte note, float velocity, long timestampNs, int noteId = NoNoteId) =>
        new() { Kind = CommandKind.NoteOn, Channel = channel, Note = note, Velocity = velocity, NoteId = noteId, TimestampNs = timestampNs, Pressure = 1f, Timbre = 0.5f };

    /// <summary>A note-off for (channel, note) or, when given, the note id.</summary>
    public static Command NoteOff(byte channel, byte note, long timestampNs, int noteId = NoNoteId) =>
        new() { Kind = CommandKind.NoteOff, Channel = channel, Note = note, NoteId = noteId, TimestampNs = timestampNs };

    /// <summary>Channel-wide expression; only the fields named in <paramref name="fields"/> count.</summary>
    public static Command Mpe(byte channel, MpeFields fields, float pressure, float pitchBend, float timbre, long timestampNs) =>
        new() { Kind = CommandKind.Mpe, Channel = channel, Fields = fields & ~MpeFields.PerNote, Pressure = pressure, PitchBend = pitchBend, Timbre = timbre, NoteId = NoNoteId, TimestampNs = timestampNs };

    /// <summary>Expression for one note, addressed by its note id.</summary>
    public static Command MpeForNote(int noteId, byte channel, MpeFields fields, float pressure, float pitchBend, float timbre, long timestampNs) =>
        new() { Kind = CommandKind.Mpe, Channel = channel, Fields = fields | MpeFields.PerNote, Pressure = pressure, PitchBend = pitchBend, Timbre = timbre, NoteId = noteId, TimestampNs = timestampNs };

    /// <summary>A parameter change.</summary>
    public static Command Param(ParamId id, float value, long timestampNs) =>
        new() { Kind = CommandKind.Param, ParamId = id, ParamValue = value, NoteId = NoNoteId, TimestampNs = timestampNs };

    /// <summary>A stroke from (<paramref name="fromX"/>, <paramref name="fromY"/>) to (<paramref name="toX"/>,
    /// <paramref name="toY"/>) (metres, layout coordinates) in <paramref name="milliseconds"/>, carrier
    /// <paramref name="note"/>, amplitude <paramref name="velocity"/> (0..1).</summary>
    public static Command Stroke(byte channel, byte note, float velocity, float fromX, float fromY, float toX, float toY, float milliseconds, long timestampNs) =>
        new()
        {
            Kind = CommandKind.Stroke, Channel = channel, Note = note, Velocity = velocity, Pressure = 1f, Timbre = 0.5f, NoteId = NoNoteId,
            StrokeFromX = fromX, StrokeFromY = fromY, StrokeToX = toX, StrokeToY = toY, StrokeMilliseconds = milliseconds, TimestampNs = timestampNs,
        };

    /// <summary>Fade every voice out fast.</summary>
    public static Command Panic(long timestampNs) =>
        new() { Kind = CommandKind.Panic, NoteId = NoNoteId, TimestampNs = timestampNs };
}
