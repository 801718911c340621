namespace HapticShm.Shared.Protocol;

/// <summary>
/// Where a travelling wave's source sits, as the protocol defines it: pitch bend -1..1 moves x by
/// +-<see cref="HalfWidthMetres"/> around the centre of the transducers' bounding box, timbre 0..1
/// moves y by +-<see cref="HalfHeightMetres"/>. The engine places sources with it; the editor
/// turns a click on the array back into bend and timbre with it.
/// </summary>
public static class SourceArea
{
    /// <summary>Half the x range a source covers, metres.</summary>
    public const float HalfWidthMetres = 0.20f;
    /// <summary>Half the y range a source covers, metres.</summary>
    public const float HalfHeightMetres = 0.20f;

    /// <summary>The source point for a bend and a timbre (both clamped), around <paramref name="centreX"/>, <paramref name="centreY"/>.</summary>
    public static (float X, float Y) Position(float centreX, float centreY, float pitchBend, float timbre) =>
        (centreX + HalfWidthMetres * Math.Clamp(pitchBend, -1f, 1f), centreY + HalfHeightMetres * 2f * (Math.Clamp(timbre, 0f, 1f) - 0.5f));

    /// <summary>The bend and timbre (clamped to their ranges) that put the source nearest to (x, y).</summary>
    public static (float PitchBend, float Timbre) Controls(float centreX, float centreY, float x, float y) =>
        (Math.Clamp((x - centreX) / HalfWidthMetres, -1f, 1f), Math.Clamp((y - centreY) / (2f * HalfHeightMetres) + 0.5f, 0f, 1f));
}
