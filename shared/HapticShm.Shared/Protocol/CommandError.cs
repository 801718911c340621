namespace HapticShm.Shared.Protocol;

/// <summary>Why <see cref="CommandValidator"/> refused a command.</summary>
public enum CommandError
{
    /// <summary>The command is valid.</summary>
    None = 0,
    /// <summary>The kind tag is not a known <see cref="CommandKind"/>.</summary>
    UnknownKind,
    /// <summary>Channel above 15.</summary>
    ChannelOutOfRange,
    /// <summary>Note above 127.</summary>
    NoteOutOfRange,
    /// <summary>Velocity NaN or outside 0..1.</summary>
    VelocityOutOfRange,
    /// <summary>Pressure NaN or outside 0..1.</summary>
    PressureOutOfRange,
    /// <summary>Pitch bend NaN or outside -1..1.</summary>
    PitchBendOutOfRange,
    /// <summary>Timbre NaN or outside 0..1.</summary>
    TimbreOutOfRange,
    /// <summary>MPE field flags with undefined bits, or no value at all.</summary>
    BadMpeFields,
    /// <summary>A per-note command without a note id.</summary>
    MissingNoteId,
    /// <summary>The parameter id is unknown.</summary>
    UnknownParam,
    /// <summary>The parameter value is NaN or outside its range.</summary>
    ParamValueOutOfRange,
    /// <summary>Negative timestamp.</summary>
    BadTimestamp,
    /// <summary>A stroke end point NaN or beyond +-<see cref="CommandValidator.MaxStrokeMetres"/>.</summary>
    StrokePointOutOfRange,
    /// <summary>A stroke duration NaN or outside <see cref="CommandValidator.MinStrokeMilliseconds"/>..<see cref="CommandValidator.MaxStrokeMilliseconds"/>.</summary>
    StrokeDurationOutOfRange,
}
