namespace HapticShm.Plugin.Core.Processing;

/// <summary>The channel-wide expression of one MIDI channel, from its hidden MIDI parameters. It
/// is also the initial state of the next note on that channel: MPE controllers send a member
/// channel's bend, CC74 and pressure just before its note-on. The last value is kept after a
/// note-off (a controller resets what it needs before the next note).</summary>
internal struct ChannelExpression
{
    public float Pressure;
    public float PitchBend;
    public float Timbre;
    /// <summary>True once the channel received a pressure value; until then notes start at full
    /// pressure (velocity alone sets their amplitude), as a plain keyboard expects.</summary>
    public bool HasPressure;

    public static ChannelExpression Default => new() { Pressure = 0f, PitchBend = 0f, Timbre = 0.5f };

    /// <summary>The pressure a note starting on this channel gets.</summary>
    public readonly float NoteOnPressure => HasPressure ? Pressure : 1f;
}
