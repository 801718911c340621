using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace HapticShm.Cli.Wav;

/// <summary>Reads a 32-bit IEEE float WAV (extensible or plain) into planar arrays, checking the
/// header and chunk sizes with clear errors. Unknown chunks are skipped.</summary>
public static class MultichannelWavReader
{
    private const int ChunkHeader = 8;
    private const int MinFmtSize = 16;
    private const int ExtensibleFmtSize = 40;

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    public static WavContents Read(string path) => Parse(File.ReadAllBytes(path), Path.GetFileName(path));

    /// <summary>Parses a whole file held in memory.</summary>
    public static WavContents Parse(ReadOnlySpan<byte> data, string sourceName)
    {
        if (data.Length < 12 || !data[..4].SequenceEqual("RIFF"u8) || !data.Slice(8, 4).SequenceEqual("WAVE"u8))
            throw new WavFormatException(sourceName, 0, "not a RIFF/WAVE file");
        uint riffSize = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
        if (riffSize + 8L > data.Length)
            throw new WavFormatException(sourceName, 4, $"RIFF size {riffSize} runs past the end of the file ({data.Length - 8} bytes after the RIFF header)");

        Header? header = null;
        int position = 12;
        int end = (int)(riffSize + 8L);
        while (position + ChunkHeader <= end)
        {
            string id = Encoding.ASCII.GetString(data.Slice(position, 4));
            uint size = BinaryPrimitives.ReadUInt32LittleEndian(data[(position + 4)..]);
            int body = position + ChunkHeader;
            if (size > (uint)(end - body))
                throw new WavFormatException(sourceName, position + 4, $"chunk \"{id}\" size {size} runs past the end of the RIFF data ({end - body} bytes left)");
            var bytes = data.Slice(body, (int)size);
            if (id == "fmt ") header = ReadFormat(bytes, body, sourceName);
            else if (id == "data")
            {
                if (header is not { } h) throw new WavFormatException(sourceName, position, "data chunk before the fmt chunk");
                return ReadSamples(bytes, body, h, sourceName);
            }
            position = body + (int)size + (int)(size & 1); // chunks are padded to an even size
        }
        throw new WavFormatException(sourceName, position, header is null ? "no fmt chunk" : "no data chunk");
    }

    private readonly record struct Header(ushort FormatTag, int Channels, int SampleRate, int BlockAlign, int Bits, uint Mask, Guid SubFormat);

    private static Header ReadFormat(ReadOnlySpan<byte> fmt, int offset, string sourceName)
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
        return new Header(tag, channels, rate, blockAlign, bits, mask, subFormat);
    }

    private static WavContents ReadSamples(ReadOnlySpan<byte> samples, int offset, Header h, string sourceName)
    {
        if (samples.Length % h.BlockAlign != 0)
            throw new WavFormatException(sourceName, offset - 4, $"data size {samples.Length} is not a whole number of {h.BlockAlign}-byte frames");
        int frames = samples.Length / h.BlockAlign;
        var channels = new float[h.Channels][];
        for (int c = 0; c < h.Channels; c++)
        {
            var channel = new float[frames];
            if (BitConverter.IsLittleEndian)
            {
                ReadOnlySpan<float> interleaved = MemoryMarshal.Cast<byte, float>(samples);
                for (int i = 0, s = c; i < frames; i++, s += h.Channels) channel[i] = interleaved[s];
            }
            else
            {
                for (int i = 0; i < frames; i++)
                    channel[i] = BinaryPrimitives.ReadSingleLittleEndian(samples[(i * h.BlockAlign + c * WavFormat.BytesPerSample)..]);
            }
            channels[c] = channel;
        }
        return new WavContents(h.SampleRate, h.Channels, h.FormatTag, h.SubFormat, h.Mask, h.BlockAlign, h.Bits, channels);
    }
}
