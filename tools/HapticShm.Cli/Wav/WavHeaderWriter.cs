using System.Buffers.Binary;
using System.Text;

namespace HapticShm.Cli.Wav;

/// <summary>
/// Builds the 116-byte header: RIFF, a 28-byte JUNK chunk, an extensible fmt chunk (40 bytes),
/// fact, data. When the sizes do not fit 32 bits the same bytes become RF64 (EBU Tech 3306):
/// "RF64", the JUNK chunk rewritten as ds64 with the 64-bit sizes, and -1 in the 32-bit fields.
/// Reserving the space up front is what lets a stream switch to RF64 at the end without moving data.
/// </summary>
internal static class WavHeaderWriter
{
    public static byte[] Create(int channelCount, int sampleRate, long frames)
    {
        int blockAlign = channelCount * WavFormat.BytesPerSample;
        long dataBytes = frames * blockAlign;
        long riffSize = WavFormat.DataOffset - 8 + dataBytes;
        bool rf64 = riffSize > WavFormat.MaxRiffSize;
        var header = new byte[WavFormat.DataOffset];
        var span = header.AsSpan();
        Ascii(span, 0, rf64 ? "RF64" : "RIFF");
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], rf64 ? WavFormat.Rf64SizePlaceholder : (uint)riffSize);
        Ascii(span, 8, "WAVE");

        var ds64 = span[WavFormat.Ds64Offset..];
        Ascii(ds64, 0, rf64 ? "ds64" : "JUNK");
        BinaryPrimitives.WriteUInt32LittleEndian(ds64[4..], WavFormat.Ds64ChunkSize);
        if (rf64)
        {
            BinaryPrimitives.WriteInt64LittleEndian(ds64[8..], riffSize);
            BinaryPrimitives.WriteInt64LittleEndian(ds64[16..], dataBytes);
            BinaryPrimitives.WriteInt64LittleEndian(ds64[24..], frames); // sample count, as the fact chunk would say
            BinaryPrimitives.WriteUInt32LittleEndian(ds64[32..], 0); // no table entries
        }

        var fmt = span[(WavFormat.FmtBodyOffset - 8)..];
        Ascii(fmt, 0, "fmt ");
        BinaryPrimitives.WriteUInt32LittleEndian(fmt[4..], WavFormat.FmtChunkSize);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt[8..], WavFormat.WAVE_FORMAT_EXTENSIBLE);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt[10..], (ushort)channelCount);
        BinaryPrimitives.WriteUInt32LittleEndian(fmt[12..], (uint)sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(fmt[16..], (uint)(sampleRate * blockAlign));
        BinaryPrimitives.WriteUInt16LittleEndian(fmt[20..], (ushort)blockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt[22..], 8 * WavFormat.BytesPerSample);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt[24..], 22); // cbSize: the extension below
        BinaryPrimitives.WriteUInt16LittleEndian(fmt[26..], 8 * WavFormat.BytesPerSample); // valid bits
        BinaryPrimitives.WriteUInt32LittleEndian(fmt[28..], WavFormat.ChannelMaskFor(channelCount));
        WavFormat.KSDATAFORMAT_SUBTYPE_IEEE_FLOAT.TryWriteBytes(fmt.Slice(32, 16));

        // Non-PCM formats carry a fact chunk with the frame count.
        var fact = span[WavFormat.FactOffset..];
        Ascii(fact, 0, "fact");
        BinaryPrimitives.WriteUInt32LittleEndian(fact[4..], 4);
        BinaryPrimitives.WriteUInt32LittleEndian(fact[8..], rf64 || frames > uint.MaxValue ? WavFormat.Rf64SizePlaceholder : (uint)frames);
        Ascii(fact, 12, "data");
        BinaryPrimitives.WriteUInt32LittleEndian(fact[16..], rf64 ? WavFormat.Rf64SizePlaceholder : (uint)dataBytes);
        return header;
    }

    private static void Ascii(Span<byte> destination, int offset, string text) =>
        Encoding.ASCII.GetBytes(text, destination[offset..]);
}
