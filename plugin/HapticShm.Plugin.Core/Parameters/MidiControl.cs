namespace HapticShm.Plugin.Core.Parameters;

/// <summary>The channel-wide MIDI controls the host delivers as parameter changes (VST3 has no
/// MIDI CC events): channel aftertouch, pitch bend and CC74.</summary>
public enum MidiControl
{
    /// <summary>Channel aftertouch, 0..1 -> MPE pressure.</summary>
    Pressure = 0,
    /// <summary>Pitch bend, 0..1 (0.5 centre) -> MPE pitch bend -1..1.</summary>
    PitchBend = 1,
    /// <summary>CC74, 0..1 -> MPE timbre.</summary>
    Timbre = 2,
}
