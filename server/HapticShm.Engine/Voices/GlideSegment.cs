namespace HapticShm.Engine.Voices;

/// <summary>
/// The segment wave and phantom voices glide on: their delays and gains step toward their targets
/// once every <see cref="Frames"/> engine frames and move linearly in between, along
/// <see cref="Ramp"/>. Segments count the engine's frames, so any block split sees the same ones.
/// </summary>
internal static class GlideSegment
{
    public const int Frames = 64;

    /// <summary>Ramp r of segment position s: (s + 1) / <see cref="Frames"/>. A voice that does not
    /// move reads it over up to a whole chunk from any position, hence the length; past the segment
    /// the values are never used with a nonzero slope.</summary>
    public static readonly float[] Ramp = CreateRamp();

    private static float[] CreateRamp()
    {
        var ramp = new float[Frames + RenderScratch.ChunkFrames];
        for (int i = 0; i < ramp.Length; i++) ramp[i] = (i + 1) * (1f / Frames);
        return ramp;
    }
}
