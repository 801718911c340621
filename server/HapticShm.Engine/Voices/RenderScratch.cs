namespace HapticShm.Engine.Voices;

/// <summary>Per-chunk work buffers shared by all voices (one render thread).</summary>
internal sealed class RenderScratch
{
    /// <summary>Voices render in chunks of at most this many frames.</summary>
    public const int ChunkFrames = 256;

    /// <summary>Engine frame count at the start of the chunk being rendered.</summary>
    public long Frame { get; set; }

    /// <summary>Whether the chunk's output frames hold a sum yet. Until then they hold whatever the
    /// buffer held: the first voice that covers every channel may write instead of adding (saving a
    /// clear, then it sets this), and any other writer calls <see cref="StartAdding"/> first.</summary>
    public bool OutputStarted { get; set; }

    /// <summary>Makes frames [start, start + count) of every channel ready to be added to: clears
    /// them unless a voice has already written them in this chunk.</summary>
    public void StartAdding(Audio.ChannelBuffers output, int start, int count)
    {
        if (!OutputStarted) output.ClearFrames(start, count);
        OutputStarted = true;
    }

    public float[] Source { get; } = new float[ChunkFrames];
    public float[] Fade { get; } = new float[ChunkFrames];

    /// <summary>A wave voice's signal with the three samples before the chunk, and the basis computed from it.</summary>
    public float[] BasisSignal { get; } = new float[ChunkFrames + 3];
    public float[] Basis1 { get; } = new float[ChunkFrames];
    public float[] Basis2 { get; } = new float[ChunkFrames];
    public float[] Basis3 { get; } = new float[ChunkFrames];

    /// <summary>Sum of the standing voices' signals for the current chunk.</summary>
    public float[] StandingSum { get; } = new float[ChunkFrames];
}
