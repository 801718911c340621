using HapticShm.Server.Backends.Asio;

namespace HapticShm.Asio.Tests;

public sealed class AsioSampleConverterTests
{
    public static TheoryData<AsioSampleType> Formats =>
    [
        AsioSampleType.ASIOSTInt16LSB, AsioSampleType.ASIOSTInt24LSB, AsioSampleType.ASIOSTInt32LSB,
        AsioSampleType.ASIOSTInt32LSB16, AsioSampleType.ASIOSTInt32LSB18, AsioSampleType.ASIOSTInt32LSB20,
        AsioSampleType.ASIOSTInt32LSB24, AsioSampleType.ASIOSTFloat32LSB, AsioSampleType.ASIOSTFloat64LSB,
    ];

    [Theory]
    [MemberData(nameof(Formats))]
    public void Convert_SpecialAndRandomSamples_MatchReferenceBitExact(AsioSampleType type)
    {
        var random = new Random(1234);
        float[] samples = [.. TestSignal.Values, .. Enumerable.Range(0, 20_000).Select(_ => (float)(random.NextDouble() * 2.4 - 1.2))];
        var actual = new byte[samples.Length * AsioSampleConverter.BytesPerSample(type)];

        AsioSampleConverter.Convert(samples, type, actual);

        Assert.Equal(ReferenceQuantizer.Encode(samples, type), actual);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(18)]
    [InlineData(20)]
    [InlineData(24)]
    [InlineData(32)]
    public void Quantize_AtAndBeyondFullScale_ClipsSymmetrically(int bits)
    {
        long max = (1L << (bits - 1)) - 1;
        Assert.Equal(max, AsioSampleConverter.Quantize(1f, bits));
        Assert.Equal(-max, AsioSampleConverter.Quantize(-1f, bits));
        Assert.Equal(max, AsioSampleConverter.Quantize(1.0001f, bits));
        Assert.Equal(-max, AsioSampleConverter.Quantize(-7f, bits));
        Assert.Equal(max, AsioSampleConverter.Quantize(float.PositiveInfinity, bits));
        Assert.Equal(-max, AsioSampleConverter.Quantize(float.NegativeInfinity, bits));
        Assert.Equal(0, AsioSampleConverter.Quantize(float.NaN, bits));
    }

    [Theory]
    [InlineData(16)]
    [InlineData(24)]
    public void Quantize_ExactHalfway_RoundsAwayFromZero(int bits)
    {
        long max = (1L << (bits - 1)) - 1; // odd, so max * 0.5 ends in .5
        Assert.Equal((max + 1) / 2, AsioSampleConverter.Quantize(0.5f, bits));
        Assert.Equal(-(max + 1) / 2, AsioSampleConverter.Quantize(-0.5f, bits));
    }

    [Fact]
    public void Convert_Int24_WritesThreeLittleEndianBytesPerSample()
    {
        var bytes = new byte[6];
        AsioSampleConverter.Convert([-1f, 1f], AsioSampleType.ASIOSTInt24LSB, bytes);
        Assert.Equal(new byte[] { 0x01, 0x00, 0x80, 0xFF, 0xFF, 0x7F }, bytes); // -8388607, +8388607
    }

    [Fact]
    public void Convert_Int32Lsb20_IsRightAlignedAndSignExtended()
    {
        var bytes = new byte[8];
        AsioSampleConverter.Convert([-1f, 1f], AsioSampleType.ASIOSTInt32LSB20, bytes);
        Assert.Equal(-((1 << 19) - 1), BitConverter.ToInt32(bytes, 0));
        Assert.Equal((1 << 19) - 1, BitConverter.ToInt32(bytes, 4));
    }

    [Theory]
    [InlineData(AsioSampleType.ASIOSTInt16MSB)]
    [InlineData(AsioSampleType.ASIOSTFloat32MSB)]
    [InlineData(AsioSampleType.ASIOSTDSDInt8LSB1)]
    public void Convert_UnsupportedFormat_IsReportedAndWritesNothing(AsioSampleType type)
    {
        var bytes = new byte[16];
        AsioSampleConverter.Convert([0.5f, -0.5f], type, bytes);
        Assert.False(AsioSampleConverter.IsSupported(type));
        Assert.All(bytes, b => Assert.Equal(0, b));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Convert_ManyBlocks_AllocatesNothing(AsioSampleType type)
    {
        float[] samples = Enumerable.Range(0, 256).Select(i => MathF.Sin(i * 0.1f) * 1.2f).ToArray();
        var bytes = new byte[samples.Length * 8];
        AsioSampleConverter.Convert(samples, type, bytes); // warm up

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++) AsioSampleConverter.Convert(samples, type, bytes);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
