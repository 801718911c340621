namespace HapticShm.Shared.Status;

/// <summary>The stimulus a published voice plays.</summary>
public enum VoiceSourceKind : byte
{
    /// <summary>Unused entry.</summary>
    None = 0,
    /// <summary>Travelling wave from a source point.</summary>
    Wave = 1,
    /// <summary>Standing wave: every transducer in phase.</summary>
    Standing = 2,
    /// <summary>Phantom point source (or one point of a stroke).</summary>
    Phantom = 3,
}
