namespace HapticShm.Plugin.Core.Input;

/// <summary>What a <see cref="NoteInput"/> is.</summary>
public enum NoteInputKind : byte
{
    NoteOn,
    NoteOff,
    PolyPressure,
    Expression,
    /// <summary>Note-off for every held note matching a channel and key (-1: any).</summary>
    ReleaseAll,
}
