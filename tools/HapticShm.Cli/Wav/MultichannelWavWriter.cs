using System.Buffers.Binary;
using System.Runtime.InteropServices;
using HapticShm.Engine.Audio;

namespace HapticShm.Cli.Wav;

/// <summary>
/// Streams N planar channels into a 32-bit IEEE float WAVE_FORMAT_EXTENSIBLE file. The header is
/// written first with zero sizes; the RIFF, fact and data sizes are patched on <see cref="Dispose"/>,
/// so the stream must be seekable. Past 4 GiB the file becomes RF64 (EBU Tech 3306), in the space
/// the header reserved for it, as sox and ffmpeg read it.
/// </summary>
public sealed class MultichannelWavWriter : IDisposable
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private float[] _interleaved = [];
    private bool _disposed;

    /// <summary>Creates (or overwrites) the file at <paramref name="path"/>.</summary>
    public MultichannelWavWriter(string path, int channelCount, int sampleRate)
        : this(new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.Read, 1 << 16), channelCount, sampleRate, leaveOpen: false)
    {
    }

    /// <summary>Writes to a seekable <paramref name="stream"/> from its current position.</summary>
    public MultichannelWavWriter(Stream stream, int channelCount, int sampleRate, bool leaveOpen)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channelCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(channelCount, ushort.MaxValue / WavFormat.BytesPerSample);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        if (!stream.CanSeek || !stream.CanWrite) throw new ArgumentException("the WAV writer needs a writable, seekable stream", nameof(stream));
        _stream = stream;
        _leaveOpen = leaveOpen;
        ChannelCount = channelCount;
        SampleRate = sampleRate;
        StartPosition = stream.Position;
        _stream.Write(WavHeaderWriter.Create(channelCount, sampleRate, frames: 0));
    }

    public int ChannelCount { get; }

    public int SampleRate { get; }

    /// <summary>Frames (samples per channel) written so far.</summary>
    public long FramesWritten { get; private set; }

    private long StartPosition { get; }

    private int BlockAlign => ChannelCount * WavFormat.BytesPerSample;

    /// <summary>Appends one block; it must have <see cref="ChannelCount"/> channels.</summary>
    public void Write(ChannelBuffers block)
    {
        CheckBlock(block.ChannelCount, block.Frames);
        Span<float> output = _interleaved.AsSpan(0, block.Frames * ChannelCount);
        for (int c = 0; c < ChannelCount; c++) Interleave(block[c], output, c);
        Append(output, block.Frames);
    }

    /// <summary>Appends <paramref name="frames"/> samples from <paramref name="offset"/> of each planar channel.</summary>
    public void Write(IReadOnlyList<float[]> channels, int offset, int frames)
    {
        ArgumentNullException.ThrowIfNull(channels);
        CheckBlock(channels.Count, frames);
        Span<float> output = _interleaved.AsSpan(0, frames * ChannelCount);
        for (int c = 0; c < ChannelCount; c++) Interleave(channels[c].AsSpan(offset, frames), output, c);
        Append(output, frames);
    }

    /// <summary>Appends <paramref name="frames"/> frames of silence by seeking past them: on a file
    /// system with sparse files they take no space (a long silent render, or a test of the 4 GiB limit).</summary>
    public void WriteSilence(long frames)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfNegative(frames);
        _stream.Seek(frames * BlockAlign, SeekOrigin.Current);
        FramesWritten += frames;
    }

    /// <summary>Patches the sizes in the header and closes the stream (unless left open).</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        long end = _stream.Position;
        if (_stream.Length < end) _stream.SetLength(end); // silence written last exists only as a seek
        _stream.Position = StartPosition;
        _stream.Write(WavHeaderWriter.Create(ChannelCount, SampleRate, FramesWritten));
        _stream.Position = end;
        _stream.Flush();
        if (!_leaveOpen) _stream.Dispose();
    }

    private void CheckBlock(int channelCount, int frames)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (channelCount != ChannelCount) throw new ArgumentException($"block has {channelCount} channels, the file {ChannelCount}");
        ArgumentOutOfRangeException.ThrowIfNegative(frames);
        if (_interleaved.Length < frames * ChannelCount) _interleaved = new float[frames * ChannelCount];
    }

    private void Interleave(ReadOnlySpan<float> channel, Span<float> output, int channelIndex)
    {
        int stride = ChannelCount;
        for (int i = 0, o = channelIndex; i < channel.Length; i++, o += stride) output[o] = channel[i];
    }

    private void Append(Span<float> output, int frames)
    {
        // WAV is little-endian: write the floats' bytes as they are, swapping only on a big-endian machine.
        Span<byte> bytes = MemoryMarshal.AsBytes(output);
        if (!BitConverter.IsLittleEndian)
        {
            Span<int> words = MemoryMarshal.Cast<float, int>(output);
            BinaryPrimitives.ReverseEndianness(words, words);
        }
        _stream.Write(bytes);
        FramesWritten += frames;
    }
}
