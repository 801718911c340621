namespace HapticShm.Shared.Protocol;

/// <summary>Which expression values an <see cref="CommandKind.Mpe"/> command carries, and whether
/// it addresses a single note (by note id) rather than a whole MPE member channel.</summary>
[Flags]
public enum MpeFields : byte
{
    /// <summary>No field.</summary>
    None = 0,
    /// <summary><see cref="Command.Pressure"/> is set.</summary>
    Pressure = 1,
    /// <summary><see cref="Command.PitchBend"/> is set.</summary>
    PitchBend = 2,
    /// <summary><see cref="Command.Timbre"/> is set.</summary>
    Timbre = 4,
    /// <summary>Address the voice with <see cref="Command.NoteId"/> instead of the channel.</summary>
    PerNote = 8,
    /// <summary>Every defined bit.</summary>
    All = Pressure | PitchBend | Timbre | PerNote,
}
