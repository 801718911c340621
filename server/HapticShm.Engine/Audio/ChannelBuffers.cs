namespace HapticShm.Engine.Audio;

/// <summary>
/// N planar float channels of <see cref="Frames"/> samples each, valid only during the call
/// that received it (an audio callback, one render step). The channels are raw pointers so the
/// same view can wrap JACK port buffers, a driver's buffers or a <see cref="PlanarAudioBuffer"/>.
/// </summary>
public readonly unsafe ref struct ChannelBuffers
{
    private readonly ReadOnlySpan<nint> _channels;

    /// <summary>Wraps <paramref name="channels"/>: one pointer per channel, each to at least
    /// <paramref name="frames"/> floats that stay valid while this view is used.</summary>
    public ChannelBuffers(ReadOnlySpan<nint> channels, int frames)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(frames);
        _channels = channels;
        Frames = frames;
    }

    /// <summary>Number of channels.</summary>
    public int ChannelCount => _channels.Length;

    /// <summary>Samples per channel in this block.</summary>
    public int Frames { get; }

    /// <summary>Sample <paramref name="frame"/> of channel <paramref name="channel"/>, unchecked: for
    /// the engine's per-transducer loops, whose indexes are in range by construction.</summary>
    internal ref float UncheckedAt(int channel, int frame) =>
        ref System.Runtime.CompilerServices.Unsafe.Add(ref *(float*)System.Runtime.CompilerServices.Unsafe.Add(ref System.Runtime.InteropServices.MemoryMarshal.GetReference(_channels), channel), frame);

    /// <summary>Zeroes frames [start, start + count) of every channel.</summary>
    internal void ClearFrames(int start, int count)
    {
        for (int c = 0; c < ChannelCount; c++) this[c].Slice(start, count).Clear();
    }

    /// <summary>The samples of one channel.</summary>
    public Span<float> this[int channel] => new((void*)_channels[channel], Frames);
}
