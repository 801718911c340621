namespace HapticShm.Plugin.Core.Editor;

/// <summary>Where a click on the array landed.</summary>
/// <param name="X">Metres, layout coordinates.</param>
/// <param name="Y">Metres, layout coordinates.</param>
/// <param name="Transducer">The transducer drawn under the click, or -1.</param>
/// <param name="PitchBend">The bend (-1..1) that puts a wave's source there (clamped to the source area).</param>
/// <param name="Timbre">The timbre (0..1) that puts a wave's source there (clamped).</param>
public readonly record struct ArrayHit(float X, float Y, int Transducer, float PitchBend, float Timbre)
{
    /// <summary>Velocity of the test pulse a click plays (VST3 and CLAP editors alike).</summary>
    public const float TestPulseVelocity = 0.8f;
}
