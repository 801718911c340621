namespace HapticShm.Engine.Voices;

/// <summary>Life cycle of a voice slot.</summary>
internal enum VoiceState
{
    /// <summary>Silent, available.</summary>
    Free,
    /// <summary>Held or releasing (envelope running).</summary>
    Playing,
    /// <summary>Stolen, panicked or its client faded: output ramps to zero, then Free.</summary>
    Fading,
}
