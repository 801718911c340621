using System.Buffers.Binary;
using HapticShm.Cli.Wav;
using HapticShm.Engine.Audio;

namespace HapticShm.Cli.Tests;

public sealed class MultichannelWavTests
{
    private const int SampleRate = 48_000;

    private static float[][] RandomChannels(int channels, int frames, int seed)
    {
        var random = new Random(seed);
        var data = new float[channels][];
        for (int c = 0; c < channels; c++)
        {
            data[c] = new float[frames];
            for (int i = 0; i < frames; i++) data[c][i] = (float)(random.NextDouble() * 2 - 1);
        }
        // Values a lossy path would change: negative zero, a subnormal, infinities, the extremes.
        data[0][0] = -0f;
        data[0][1] = float.Epsilon;
        data[0][2] = float.PositiveInfinity;
        data[0][3] = float.MinValue;
        data[0][4] = float.MaxValue;
        return data;
    }

    [Fact]
    public void WriteThenRead_BlocksFromChannelBuffersAndArrays_RoundTripBitExact()
    {
        using var dir = new TempRuntimeDirectory();
        string path = dir.File("round.wav");
        float[][] source = RandomChannels(32, 1000, seed: 7);
        var buffer = new PlanarAudioBuffer(32, 256);

        using (var writer = new MultichannelWavWriter(path, 32, SampleRate))
        {
            for (int start = 0; start < 600; start += 200) // three blocks through the engine's view
            {
                for (int c = 0; c < 32; c++) source[c].AsSpan(start, 200).CopyTo(buffer.Channel(c));
                writer.Write(buffer.AsChannelBuffers(200));
            }
            writer.Write(source, 600, 400); // the rest from planar arrays
            Assert.Equal(1000, writer.FramesWritten);
        }

        var read = MultichannelWavReader.Read(path);
        Assert.Equal(32, read.ChannelCount);
        Assert.Equal(SampleRate, read.SampleRate);
        Assert.Equal(1000, read.FrameCount);
        for (int c = 0; c < 32; c++)
            for (int i = 0; i < 1000; i++)
                Assert.Equal(BitConverter.SingleToInt32Bits(source[c][i]), BitConverter.SingleToInt32Bits(read.Channels[c][i]));
    }

    [Theory]
    [InlineData(2, 0x3u)]
    [InlineData(18, 0x3FFFFu)]
    [InlineData(32, 0u)]
    public void Dispose_HeaderFields_DescribeExtensibleFloat(int channels, uint mask)
    {
        using var dir = new TempRuntimeDirectory();
        string path = dir.File("header.wav");
        using (var writer = new MultichannelWavWriter(path, channels, SampleRate))
            writer.Write(RandomChannels(channels, 123, seed: 1), 0, 123);

        byte[] file = File.ReadAllBytes(path);
        int dataBytes = 123 * channels * 4;
        Assert.Equal(WavFormat.DataOffset + dataBytes, file.Length);
        Assert.Equal("RIFF"u8.ToArray(), file[..4]);
        Assert.Equal((uint)(file.Length - 8), BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(4)));
        Assert.Equal("WAVE"u8.ToArray(), file[8..12]);
        // Space for an RF64 ds64 chunk, reserved as JUNK while the file fits 4 GiB.
        Assert.Equal("JUNK"u8.ToArray(), file[12..16]);
        Assert.Equal(28u, BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(16)));
        Assert.Equal("fmt "u8.ToArray(), file[48..52]);
        Assert.Equal(40u, BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(52)));
        Assert.Equal(0xFFFE, BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(56)));
        Assert.Equal(channels, BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(58)));
        Assert.Equal((uint)SampleRate, BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(60)));
        Assert.Equal((uint)(SampleRate * channels * 4), BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(64)));
        Assert.Equal(channels * 4, BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(68)));
        Assert.Equal(32, BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(70)));
        Assert.Equal(22, BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(72)));
        Assert.Equal(32, BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(74)));
        Assert.Equal(mask, BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(76)));
        // KSDATAFORMAT_SUBTYPE_IEEE_FLOAT as stored on disk.
        Assert.Equal(new byte[] { 0x03, 0, 0, 0, 0, 0, 0x10, 0, 0x80, 0, 0, 0xAA, 0, 0x38, 0x9B, 0x71 }, file[80..96]);
        Assert.Equal("fact"u8.ToArray(), file[96..100]);
        Assert.Equal(123u, BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(104)));
        Assert.Equal("data"u8.ToArray(), file[108..112]);
        Assert.Equal((uint)dataBytes, BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(112)));
        Assert.Equal(116, WavFormat.DataOffset);
    }

    [Fact]
    public void Write_ChannelBuffersAfterWarmUp_AllocatesNothing()
    {
        var buffer = new PlanarAudioBuffer(32, 128);
        using var writer = new MultichannelWavWriter(Stream.Null, 32, SampleRate, leaveOpen: true);
        writer.Write(buffer.AsChannelBuffers(128));

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++) writer.Write(buffer.AsChannelBuffers(128));

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(1001 * 128, writer.FramesWritten);
    }

    [Fact]
    public void Write_BlockWithOtherChannelCount_Throws()
    {
        using var stream = new MemoryStream();
        using var writer = new MultichannelWavWriter(stream, 4, SampleRate, leaveOpen: true);

        var error = Assert.Throws<ArgumentException>(() => writer.Write(RandomChannels(3, 10, seed: 2), 0, 10));
        Assert.Contains("3 channels, the file 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PcmFile_ThrowsNamingTheFormatTag()
    {
        byte[] file = WriteToMemory(2, 10);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(WavFormat.FmtBodyOffset), 1);

        var error = Assert.Throws<WavFormatException>(() => MultichannelWavReader.Parse(file, "pcm.wav"));
        Assert.StartsWith("pcm.wav: byte 56: format tag 0x0001", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WrongSubFormat_ThrowsAtTheGuid()
    {
        byte[] file = WriteToMemory(2, 10);
        file[WavFormat.FmtBodyOffset + 24] = 0x01; // KSDATAFORMAT_SUBTYPE_PCM

        var error = Assert.Throws<WavFormatException>(() => MultichannelWavReader.Parse(file, "sub.wav"));
        Assert.StartsWith("sub.wav: byte 80: subformat", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TruncatedFile_ThrowsAtTheRiffSize()
    {
        byte[] file = WriteToMemory(2, 10)[..100];

        var error = Assert.Throws<WavFormatException>(() => MultichannelWavReader.Parse(file, "cut.wav"));
        Assert.StartsWith("cut.wav: byte 4: RIFF size", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BadBlockAlign_Throws()
    {
        byte[] file = WriteToMemory(2, 10);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(WavFormat.FmtBodyOffset + 12), 6);

        var error = Assert.Throws<WavFormatException>(() => MultichannelWavReader.Parse(file, "align.wav"));
        Assert.StartsWith("align.wav: byte 68: block align 6, 8 expected", error.Message, StringComparison.Ordinal);
    }

    private static byte[] WriteToMemory(int channels, int frames)
    {
        using var stream = new MemoryStream();
        using (var writer = new MultichannelWavWriter(stream, channels, SampleRate, leaveOpen: true))
            writer.Write(RandomChannels(channels, frames, seed: 3), 0, frames);
        return stream.ToArray();
    }
}
