namespace HapticShm.Engine.Voices;

/// <summary>Engine-wide parameters a voice reads when it starts or moves.</summary>
internal sealed class VoiceSettings
{
    public float AttackSeconds { get; set; } = 0.1f;
    public float ReleaseSeconds { get; set; } = 0.5f;
    public float WaveSpeed { get; set; } = 100f;
}
