using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace HapticShm.Cli.Wav;

/// <summary>Reads a 32-bit IEEE float WAV (extensible or plain, RIFF or RF64) into planar arrays,
/// checking the header and chunk sizes with clear errors. Unknown chunks are skipped. Reads the
/// header and then only the frames asked for, so a file past 4 GiB can be read in parts.</summary>
public static class MultichannelWavReader
{
    private const int ChunkHeader = 8;
    private const int MinFmtSize = 16;
    private const int ExtensibleFmtSize = 40;
    private const int MaxFmtSize = 1 << 16;
    private const int FramesPerRead = 4096;

    /// <summary>Reads the whole file at <paramref name="path"/>.</summary>
    public static WavContents Read(string path)
    {
        using var stream = File.OpenRead(path);
        WavHeader header = ReadHeader(stream, Path.GetFileName(path));
        if (header.FrameCount * header.ChannelCount > Array.MaxLength)
            throw new WavFormatException(Path.GetFileName(path), header.DataOffset, $"{header.FrameCount} frames are too many to read at once; read a range");
        return ReadFrames(stream, header, 0, (int)header.FrameCount);
    }

    /// <summary>Reads <paramref name="frameCount"/> frames from <paramref name="firstFrame"/> of the file at <paramref name="path"/>.</summary>
    public static WavContents Read(string path, long firstFrame, int frameCount)
    {
        using var stream = File.OpenRead(path);
        WavHeader header = ReadHeader(stream, Path.GetFileName(path));
        if (firstFrame < 0 || frameCount < 0 || firstFrame + frameCount > header.FrameCount)
            throw new ArgumentOutOfRangeException(nameof(firstFrame), $"frames {firstFrame}..{firstFrame + frameCount} are not all in the file's {header.FrameCount}");
        return ReadFrames(stream, header, firstFrame, frameCount);
    }

    /// <summary>Parses a whole file held in memory.</summary>
    public static WavContents Parse(ReadOnlySpan<byte> data, string sourceName)
    {
        using var stream = new MemoryStream(data.ToArray(), writable: false);
        WavHeader header = ReadHeader(stream, sourceName);
        return ReadFrames(stream, header, 0, (int)header.FrameCount);
    }

    /// <summary>Reads and checks the header chunks up to the start of the data.</summary>
    public static WavHeader ReadHeader(Stream stream, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        long length = stream.Length;
        Span<byte> riff = stackalloc byte[12];
        bool rf64 = ReadAt(stream, 0, riff) && riff[..4].SequenceEqual("RF64"u8);
        if (!(rf64 || riff[..4].SequenceEqual("RIFF"u8)) || !riff.Slice(8, 4).SequenceEqual("WAVE"u8))
            throw new WavFormatException(sourceName, 0, "not a RIFF/WAVE (or RF64) file");
        long end, rf64DataSize = -1;
        long position = 12;
        if (rf64)
        {
            (end, rf64DataSize, position) = ReadDs64(stream, sourceName, length);
        }
        else
        {
            uint riffSize = BinaryPrimitives.ReadUInt32LittleEndian(riff[4..]);
            end = riffSize + 8L;
            if (end > length)
                throw new WavFormatException(sourceName, 4, $"RIFF size {riffSize} runs past the end of the file ({length - 8} bytes after the RIFF header)");
        }

        Span<byte> chunk = stackalloc byte[ChunkHeader];
        Format? format = null;
        while (position + ChunkHeader <= end)
        {
            ReadAt(stream, position, chunk);
            string id = Encoding.ASCII.GetString(chunk[..4]);
            uint size32 = BinaryPrimitives.ReadUInt32LittleEndian(chunk[4..]);
            long size = rf64 && id == "data" && size32 == WavFormat.Rf64SizePlaceholder ? rf64DataSize : size32;
            long body = position + ChunkHeader;
            if (size > end - body)
                throw new WavFormatException(sourceName, position + 4, $"chunk \"{id}\" size {size} runs past the end of the {(rf64 ? "RF64" : "RIFF")} data ({end - body} bytes left)");
            if (id == "fmt ")
            {
                if (size > MaxFmtSize) throw new WavFormatException(sourceName, position + 4, $"fmt chunk of {size} bytes");
                var bytes = new byte[size];
                ReadAt(stream, body, bytes);
                format = ReadFormat(bytes, (int)body, sourceName);
            }
            else if (id == "data")
            {
                if (format is not { } f) throw new WavFormatException(sourceName, position, "data chunk before the fmt chunk");
                if (size % f.BlockAlign != 0)
                    throw new WavFormatException(sourceName, position + 4, $"data size {size} is not a whole number of {f.BlockAlign}-byte frames");
                return new WavHeader(f.SampleRate, f.Channels, f.FormatTag, f.SubFormat, f.Mask, f.BlockAlign, f.Bits, body, size / f.BlockAlign, rf64);
            }
            position = body + size + (size & 1); // chunks are padded to an even size
        }
        throw new WavFormatException(sourceName, position, format is null ? "no fmt chunk" : "no data chunk");
    }

    // EBU Tech 3306: the first chunk of an RF64 file is ds64 with the 64-bit RIFF and data sizes.
    private static (long End, long DataSize, long NextChunk) ReadDs64(Stream stream, string sourceName, long length)
    {
        Span<byte> ds64 = stackalloc byte[ChunkHeader + WavFormat.Ds64ChunkSize];
        if (!ReadAt(stream, WavFormat.Ds64Offset, ds64) || !ds64[..4].SequenceEqual("ds64"u8))
            throw new WavFormatException(sourceName, WavFormat.Ds64Offset, "an RF64 file must start with a ds64 chunk");
        uint size = BinaryPrimitives.ReadUInt32LittleEndian(ds64[4..]);
        if (size < WavFormat.Ds64ChunkSize)
            throw new WavFormatException(sourceName, WavFormat.Ds64Offset + 4, $"ds64 chunk of {size} bytes, at least {WavFormat.Ds64ChunkSize} expected");
        long riffSize = BinaryPrimitives.ReadInt64LittleEndian(ds64[8..]);
        long dataSize = BinaryPrimitives.ReadInt64LittleEndian(ds64[16..]);
        if (riffSize < 4 || riffSize + 8 > length)
            throw new WavFormatException(sourceName, WavFormat.Ds64Offset + 8, $"ds64 RIFF size {riffSize} runs past the end of the file ({length - 8} bytes after the RF64 header)");
        if (dataSize < 0) throw new WavFormatException(sourceName, WavFormat.Ds64Offset + 16, $"ds64 data size {dataSize}");
        return (riffSize + 8, dataSize, WavFormat.Ds64Offset + ChunkHeader + size + (size & 1));
    }

    private readonly record struct Format(ushort FormatTag, int Channels, int SampleRate, int BlockAlign, int Bits, uint Mask, Guid SubFormat);

    private static Format ReadFormat(ReadOnlySpan<byte> fmt, int offset, string sourceName)
    {
        if (fmt.Length < MinFmtSize) throw new WavFormatException(sourceName, offset, $"fmt chunk of {fmt.Length} bytes, at least {MinFmtSize} expected");
        ushort tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
        int channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt[2..]);
        int rate = (int)BinaryPrimitives.ReadUInt32LittleEndian(fmt[4..]);
        int blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(fmt[12..]);
        int bits = BinaryPrimitives.ReadUInt16LittleEndian(fmt[14..]);
        uint mask = 0;
        Guid subFormat = Guid.Empty;
        if (tag == WavFormat.WAVE_FORMAT_EXTENSIBLE)
        {
            if (fmt.Length < ExtensibleFmtSize)
                throw new WavFormatException(sourceName, offset, $"extensible fmt chunk of {fmt.Length} bytes, {ExtensibleFmtSize} expected");
            mask = BinaryPrimitives.ReadUInt32LittleEndian(fmt[20..]);
            subFormat = new Guid(fmt.Slice(24, 16));
            if (subFormat != WavFormat.KSDATAFORMAT_SUBTYPE_IEEE_FLOAT)
                throw new WavFormatException(sourceName, offset + 24, $"subformat {subFormat} is not IEEE float (KSDATAFORMAT_SUBTYPE_IEEE_FLOAT)");
        }
        else if (tag != WavFormat.WAVE_FORMAT_IEEE_FLOAT)
        {
            throw new WavFormatException(sourceName, offset, $"format tag 0x{tag:X4} is not IEEE float (0x0003) or extensible (0xFFFE)");
        }
        if (channels == 0) throw new WavFormatException(sourceName, offset + 2, "0 channels");
        if (rate <= 0) throw new WavFormatException(sourceName, offset + 4, $"sample rate {rate}");
        if (bits != 8 * WavFormat.BytesPerSample) throw new WavFormatException(sourceName, offset + 14, $"{bits} bits per sample, 32 expected");
        if (blockAlign != channels * WavFormat.BytesPerSample)
            throw new WavFormatException(sourceName, offset + 12, $"block align {blockAlign}, {channels * WavFormat.BytesPerSample} expected for {channels} float channels");
        return new Format(tag, channels, rate, blockAlign, bits, mask, subFormat);
    }

    private static WavContents ReadFrames(Stream stream, WavHeader h, long firstFrame, int frameCount)
    {
        var channels = new float[h.ChannelCount][];
        for (int c = 0; c < h.ChannelCount; c++) channels[c] = new float[frameCount];
        var bytes = new byte[Math.Min(frameCount, FramesPerRead) * h.BlockAlign];
        stream.Position = h.DataOffset + firstFrame * h.BlockAlign;
        for (int done = 0; done < frameCount;)
        {
            int frames = Math.Min(frameCount - done, FramesPerRead);
            stream.ReadExactly(bytes, 0, frames * h.BlockAlign);
            Deinterleave(bytes.AsSpan(0, frames * h.BlockAlign), h.ChannelCount, channels, done);
            done += frames;
        }
        return new WavContents(h.SampleRate, h.ChannelCount, h.FormatTag, h.SubFormat, h.ChannelMask, h.BlockAlign, h.BitsPerSample, channels);
    }

    private static void Deinterleave(ReadOnlySpan<byte> samples, int channelCount, float[][] channels, int offset)
    {
        int frames = samples.Length / (channelCount * WavFormat.BytesPerSample);
        for (int c = 0; c < channelCount; c++)
        {
            var channel = channels[c].AsSpan(offset, frames);
            if (BitConverter.IsLittleEndian)
            {
                ReadOnlySpan<float> interleaved = MemoryMarshal.Cast<byte, float>(samples);
                for (int i = 0, s = c; i < frames; i++, s += channelCount) channel[i] = interleaved[s];
            }
            else
            {
                for (int i = 0; i < frames; i++)
                    channel[i] = BinaryPrimitives.ReadSingleLittleEndian(samples[((i * channelCount + c) * WavFormat.BytesPerSample)..]);
            }
        }
    }

    // True when all of destination was read; a short file leaves the rest zero for the checks above.
    private static bool ReadAt(Stream stream, long offset, Span<byte> destination)
    {
        destination.Clear();
        if (offset >= stream.Length) return false;
        stream.Position = offset;
        return stream.ReadAtLeast(destination, destination.Length, throwOnEndOfStream: false) == destination.Length;
    }
}
