namespace HapticShm.Plugin.Core.Input;

/// <summary>One note event of a block, as the core understands it (a VST3 event with only the
/// fields we use). <see cref="NoteId"/> is the host's note id or -1.</summary>
public struct NoteInput
{
    public NoteInputKind Kind;
    public NoteExpressionKind Expression;
    public short Channel;
    public short Pitch;
    public int SampleOffset;
    public int NoteId;
    /// <summary>Velocity (note on/off), pressure (poly pressure) or the normalized expression value.</summary>
    public double Value;

    public static NoteInput NoteOn(int sampleOffset, int channel, int pitch, double velocity, int noteId = -1) =>
        new() { Kind = NoteInputKind.NoteOn, SampleOffset = sampleOffset, Channel = (short)channel, Pitch = (short)pitch, Value = velocity, NoteId = noteId };

    public static NoteInput NoteOff(int sampleOffset, int channel, int pitch, int noteId = -1) =>
        new() { Kind = NoteInputKind.NoteOff, SampleOffset = sampleOffset, Channel = (short)channel, Pitch = (short)pitch, NoteId = noteId };

    public static NoteInput PolyPressure(int sampleOffset, int channel, int pitch, double pressure, int noteId = -1) =>
        new() { Kind = NoteInputKind.PolyPressure, SampleOffset = sampleOffset, Channel = (short)channel, Pitch = (short)pitch, Value = pressure, NoteId = noteId };

    /// <summary>A per-note expression for the note with <paramref name="noteId"/>, or (when the id
    /// is -1 or unknown) the note on (<paramref name="channel"/>, <paramref name="pitch"/>).</summary>
    public static NoteInput NoteExpression(int sampleOffset, int noteId, NoteExpressionKind expression, double normalized, int channel = -1, int pitch = -1) =>
        new() { Kind = NoteInputKind.Expression, SampleOffset = sampleOffset, NoteId = noteId, Expression = expression, Value = normalized, Channel = (short)channel, Pitch = (short)pitch };

    /// <summary>Releases every held note on <paramref name="channel"/> with <paramref name="pitch"/>,
    /// -1 matching any, as a CLAP note-off or choke with wildcards does.</summary>
    public static NoteInput ReleaseAll(int sampleOffset, int channel = -1, int pitch = -1) =>
        new() { Kind = NoteInputKind.ReleaseAll, SampleOffset = sampleOffset, Channel = (short)channel, Pitch = (short)pitch, NoteId = -1 };
}
