namespace HapticShm.Shared.Protocol;

/// <summary>What a <see cref="Command"/> asks the engine to do. Zero is never valid, so an
/// all-zero slot (never written) is rejected.</summary>
public enum CommandKind : byte
{
    /// <summary>Start a voice for (channel, note, note id).</summary>
    NoteOn = 1,
    /// <summary>Release the voice of (channel, note) or of the note id.</summary>
    NoteOff = 2,
    /// <summary>Per-channel or per-note expression: pressure, pitch bend, timbre.</summary>
    Mpe = 3,
    /// <summary>Set an engine parameter (<see cref="ParamId"/>).</summary>
    Param = 4,
    /// <summary>Fade every voice out fast.</summary>
    Panic = 5,
    /// <summary>Draw a tactile stroke: a line of phantom points from (StrokeFromX, StrokeFromY)
    /// to (StrokeToX, StrokeToY) in StrokeMilliseconds (Tactile Brush timing).</summary>
    Stroke = 6,
}
