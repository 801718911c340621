using System.Runtime.InteropServices;
using HapticShm.Engine.Audio;

namespace HapticShm.Server.Backends.Asio;

/// <summary>
/// One createBuffers generation: the ASIOBufferInfo array the driver filled (native memory, it
/// must outlive the buffers), the selected channels' formats and the block size. Replaced as a
/// whole on a driver reset, so the audio thread always sees a consistent set.
/// </summary>
internal sealed unsafe class AsioOutputBuffers : IDisposable
{
    private readonly AsioSampleType[] _types;
    private readonly int[] _bytesPerSample;
    private readonly PlanarAudioBuffer _planar;

    public AsioOutputBuffers(ReadOnlySpan<int> channels, AsioSampleType[] types, int blockSize, PlanarAudioBuffer planar)
    {
        Count = channels.Length;
        BlockSize = blockSize;
        _types = types;
        _planar = planar;
        _bytesPerSample = new int[Count];
        Infos = (AsioBufferInfo*)NativeMemory.AllocZeroed((nuint)Count, (nuint)sizeof(AsioBufferInfo));
        for (int i = 0; i < Count; i++)
        {
            Infos[i].isInput = 0;
            Infos[i].channelNum = channels[i];
            _bytesPerSample[i] = AsioSampleConverter.BytesPerSample(types[i]);
        }
    }

    /// <summary>The array passed to createBuffers, one entry per selected output.</summary>
    public AsioBufferInfo* Infos { get; private set; }

    public int Count { get; }

    public int BlockSize { get; }

    /// <summary>Clears the planar block, lets <paramref name="callback"/> fill it, converts every
    /// channel into the driver's half-buffer <paramref name="doubleBufferIndex"/>. Real-time safe.</summary>
    public void Render(int doubleBufferIndex, AudioRenderCallback callback, long blockStartNs)
    {
        int frames = BlockSize;
        for (int c = 0; c < Count; c++) _planar.Channel(c)[..frames].Clear();
        callback(_planar.AsChannelBuffers(frames), blockStartNs);
        for (int c = 0; c < Count; c++)
        {
            nint half = Infos[c].Buffer(doubleBufferIndex);
            if (half == 0) continue;
            var destination = new Span<byte>((void*)half, frames * _bytesPerSample[c]);
            AsioSampleConverter.Convert(_planar.Channel(c)[..frames], _types[c], destination);
        }
    }

    /// <summary>Writes silence (all-zero bytes in every format) into half-buffer <paramref name="doubleBufferIndex"/>.</summary>
    public void Silence(int doubleBufferIndex)
    {
        for (int c = 0; c < Count; c++)
        {
            nint half = Infos[c].Buffer(doubleBufferIndex);
            if (half != 0) new Span<byte>((void*)half, BlockSize * _bytesPerSample[c]).Clear();
        }
    }

    public void Dispose()
    {
        NativeMemory.Free(Infos);
        Infos = null;
    }
}
