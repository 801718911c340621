using System.Buffers.Binary;
using System.Text;

namespace HapticShm.Cli.Wav;

/// <summary>Builds the 80-byte header: RIFF, an extensible fmt chunk (40 bytes), fact, data.</summary>
internal static class WavHeaderWriter
{
    public static byte[] Create(int channelCount, int sampleRate, long frames)
    {
        int blockAlign = channelCount * WavFormat.BytesPerSample;
        long dataBytes = frames * blockAlign;
        var header = new byte[WavFormat.DataOffset];
        var span = header.AsSpan();
        Ascii(span, 0, "RIFF");
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], (uint)(WavFormat.DataOffset - 8 + dataBytes));
        Ascii(span, 8, "WAVE");
        Ascii(span, 12, "fmt ");
        BinaryPrimitives.WriteUInt32LittleEndian(span[16..], WavFormat.FmtChunkSize);
        BinaryPrimitives.WriteUInt16LittleEndian(span[20..], WavFormat.WAVE_FORMAT_EXTENSIBLE);
        BinaryPrimitives.WriteUInt16LittleEndian(span[22..], (ushort)channelCount);
        BinaryPrimitives.WriteUInt32LittleEndian(span[24..], (uint)sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(span[28..], (uint)(sampleRate * blockAlign));
        BinaryPrimitives.WriteUInt16LittleEndian(span[32..], (ushort)blockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(span[34..], 8 * WavFormat.BytesPerSample);
        BinaryPrimitives.WriteUInt16LittleEndian(span[36..], 22); // cbSize: the extension below
        BinaryPrimitives.WriteUInt16LittleEndian(span[38..], 8 * WavFormat.BytesPerSample); // valid bits
        BinaryPrimitives.WriteUInt32LittleEndian(span[40..], WavFormat.ChannelMaskFor(channelCount));
        WavFormat.KSDATAFORMAT_SUBTYPE_IEEE_FLOAT.TryWriteBytes(span.Slice(44, 16));
        // Non-PCM formats carry a fact chunk with the frame count.
        Ascii(span, 60, "fact");
        BinaryPrimitives.WriteUInt32LittleEndian(span[64..], 4);
        BinaryPrimitives.WriteUInt32LittleEndian(span[68..], (uint)Math.Min(frames, uint.MaxValue));
        Ascii(span, 72, "data");
        BinaryPrimitives.WriteUInt32LittleEndian(span[76..], (uint)dataBytes);
        return header;
    }

    private static void Ascii(Span<byte> destination, int offset, string text) =>
        Encoding.ASCII.GetBytes(text, destination[offset..]);
}
