namespace HapticShm.Plugin.Core.Processing;

/// <summary>The channel-wide expression of one MIDI channel, from its hidden MIDI parameters.</summary>
internal struct ChannelExpression
{
    public float Pressure;
    public float PitchBend;
    public float Timbre;

    public static ChannelExpression Default => new() { Pressure = 0f, PitchBend = 0f, Timbre = 0.5f };

    public readonly bool IsDefault => Pressure == 0f && PitchBend == 0f && Timbre == 0.5f;
}
