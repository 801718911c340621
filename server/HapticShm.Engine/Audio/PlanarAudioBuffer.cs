namespace HapticShm.Engine.Audio;

/// <summary>
/// Owns N pinned channels of up to <see cref="MaxFrames"/> samples, allocated once, and hands
/// out <see cref="ChannelBuffers"/> views of them without allocating.
/// </summary>
public sealed unsafe class PlanarAudioBuffer
{
    private readonly float[][] _channels;
    private readonly nint[] _pointers;

    /// <summary>Allocates <paramref name="channelCount"/> pinned channels of <paramref name="maxFrames"/> samples.</summary>
    public PlanarAudioBuffer(int channelCount, int maxFrames)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channelCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxFrames);
        MaxFrames = maxFrames;
        _channels = new float[channelCount][];
        _pointers = new nint[channelCount];
        for (int c = 0; c < channelCount; c++)
        {
            _channels[c] = GC.AllocateArray<float>(maxFrames, pinned: true);
            fixed (float* p = _channels[c]) _pointers[c] = (nint)p; // pinned for life: the pointer stays valid
        }
    }

    /// <summary>Number of channels.</summary>
    public int ChannelCount => _channels.Length;

    /// <summary>Capacity of each channel.</summary>
    public int MaxFrames { get; }

    /// <summary>A view of the first <paramref name="frames"/> samples of every channel.</summary>
    public ChannelBuffers AsChannelBuffers(int frames)
    {
        if ((uint)frames > (uint)MaxFrames) throw new ArgumentOutOfRangeException(nameof(frames), frames, $"at most {MaxFrames}");
        return new ChannelBuffers(_pointers, frames);
    }

    /// <summary>One whole channel (all <see cref="MaxFrames"/> samples).</summary>
    public Span<float> Channel(int channel) => _channels[channel];
}
