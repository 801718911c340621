namespace HapticShm.Plugin.Core.Input;

/// <summary>What a <see cref="NoteInput"/> is.</summary>
public enum NoteInputKind : byte
{
    NoteOn,
    NoteOff,
    PolyPressure,
    Expression,
    /// <summary>Note-off for every held note of a channel (or all channels).</summary>
    ReleaseAll,
}
