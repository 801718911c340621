namespace HapticShm.Plugin.Core.Input;

/// <summary>The per-note expressions we act on (the plugin maps VST3 note expression type ids
/// onto these).</summary>
public enum NoteExpressionKind : byte
{
    /// <summary>Volume, normalized with 0.25 = unity gain: pressure = min(1, 4 x value).</summary>
    Volume,
    /// <summary>Tuning, normalized with 0.5 = none and 1/240 per semitone -> pitch bend.</summary>
    Tuning,
    /// <summary>Brightness 0..1 -> timbre.</summary>
    Brightness,
    /// <summary>Expression 0..1 -> pressure.</summary>
    Expression,
}
