using System.Buffers.Binary;
using HapticShm.Cli.Wav;

namespace HapticShm.Cli.Tests;

/// <summary>Files past 4 GiB become RF64 (EBU Tech 3306). The gigabytes in between are silence the
/// writer seeks over, so the test files are sparse and take a few kilobytes of disk.</summary>
public sealed class Rf64WavTests
{
    private const int Channels = 32;
    private const int SampleRate = 48_000;
    private const int BlockAlign = Channels * 4;

    // The most 32-channel frames whose RIFF size still fits 32 bits: (2^32 - 1 - 108) / 128.
    private const long MaxRiffFrames = (uint.MaxValue - (WavFormat.DataOffset - 8)) / BlockAlign;

    [Fact]
    public void Dispose_DataPastFourGiB_WritesRf64AndTheReaderReadsTheFramesAtTheEnd()
    {
        using var dir = new TempRuntimeDirectory();
        string path = dir.File("long.wav");
        float[][] head = Ramp(100, seed: 1), tail = Ramp(300, seed: 2);
        long silence = MaxRiffFrames - 100 - 150; // the tail crosses the limit in its middle
        using (var writer = new MultichannelWavWriter(path, Channels, SampleRate))
        {
            writer.Write(head, 0, 100);
            writer.WriteSilence(silence);
            writer.Write(tail, 0, 300);
        }
        long frames = 100 + silence + 300;

        byte[] header = new byte[WavFormat.DataOffset];
        using (var file = File.OpenRead(path))
        {
            Assert.Equal(WavFormat.DataOffset + frames * BlockAlign, file.Length);
            Assert.True(file.Length > 4L << 30);
            file.ReadExactly(header);
        }
        Assert.Equal("RF64"u8.ToArray(), header[..4]);
        Assert.Equal(uint.MaxValue, BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(4)));
        Assert.Equal("ds64"u8.ToArray(), header[12..16]);
        Assert.Equal(WavFormat.DataOffset - 8 + frames * BlockAlign, BinaryPrimitives.ReadInt64LittleEndian(header.AsSpan(20)));
        Assert.Equal(frames * BlockAlign, BinaryPrimitives.ReadInt64LittleEndian(header.AsSpan(28)));
        Assert.Equal(frames, BinaryPrimitives.ReadInt64LittleEndian(header.AsSpan(36)));
        Assert.Equal(uint.MaxValue, BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(WavFormat.DataOffset - 4)));

        using (var stream = File.OpenRead(path))
        {
            WavHeader read = MultichannelWavReader.ReadHeader(stream, "long.wav");
            Assert.True(read.IsRf64);
            Assert.Equal(frames, read.FrameCount);
            Assert.Equal(WavFormat.DataOffset, read.DataOffset);
        }
        AssertFrames(tail, MultichannelWavReader.Read(path, frames - 300, 300));
        AssertFrames(head, MultichannelWavReader.Read(path, 0, 100));
        var gap = MultichannelWavReader.Read(path, 100 + silence / 2, 10);
        Assert.All(gap.Channels, channel => Assert.All(channel, sample => Assert.Equal(0f, sample)));
    }

    [Fact]
    public void Dispose_DataThatJustFits_StaysRiffAndOneMoreFrameMakesRf64()
    {
        using var dir = new TempRuntimeDirectory();
        float[][] last = Ramp(1, seed: 3);
        foreach (long frames in new[] { MaxRiffFrames, MaxRiffFrames + 1 })
        {
            string path = dir.File($"edge-{frames}.wav");
            using (var writer = new MultichannelWavWriter(path, Channels, SampleRate))
            {
                writer.WriteSilence(frames - 1);
                writer.Write(last, 0, 1);
            }
            using (var stream = File.OpenRead(path))
            {
                WavHeader header = MultichannelWavReader.ReadHeader(stream, "edge.wav");
                Assert.Equal(frames > MaxRiffFrames, header.IsRf64);
                Assert.Equal(frames, header.FrameCount);
            }
            AssertFrames(last, MultichannelWavReader.Read(path, frames - 1, 1));
            File.Delete(path);
        }
    }

    [Fact]
    public void WriteSilence_AtTheEnd_ExtendsTheFileWithZeros()
    {
        using var stream = new MemoryStream();
        using (var writer = new MultichannelWavWriter(stream, 2, SampleRate, leaveOpen: true))
        {
            writer.Write(Ramp(5, seed: 4, channels: 2), 0, 5);
            writer.WriteSilence(7);
            Assert.Equal(12, writer.FramesWritten);
        }

        var read = MultichannelWavReader.Parse(stream.ToArray(), "silence.wav");
        Assert.Equal(12, read.FrameCount);
        Assert.All(read.Channels, channel => Assert.All(channel[5..], sample => Assert.Equal(0f, sample)));
    }

    private static float[][] Ramp(int frames, int seed, int channels = Channels)
    {
        var random = new Random(seed);
        var data = new float[channels][];
        for (int c = 0; c < channels; c++)
        {
            data[c] = new float[frames];
            for (int i = 0; i < frames; i++) data[c][i] = (float)(random.NextDouble() * 2 - 1);
        }
        return data;
    }

    private static void AssertFrames(float[][] expected, WavContents actual)
    {
        Assert.Equal(expected.Length, actual.ChannelCount);
        Assert.Equal(expected[0].Length, actual.FrameCount);
        for (int c = 0; c < expected.Length; c++)
            for (int i = 0; i < expected[c].Length; i++)
                Assert.Equal(BitConverter.SingleToInt32Bits(expected[c][i]), BitConverter.SingleToInt32Bits(actual.Channels[c][i]));
    }
}
