using HapticShm.Server.Backends;
using HapticShm.Server.Backends.Asio;
using HapticShm.Shared;

namespace HapticShm.Asio.Tests;

[Collection(AsioDriverCollection.Name)]
public sealed class AsioBackendOutputTests
{
    private static readonly string[] Sparse = ["0", "3", "7", "40", "63"];

    public static TheoryData<AsioSampleType> Formats => AsioSampleConverterTests.Formats;

    [Theory]
    [MemberData(nameof(Formats))]
    public void Start_SparseChannelsOf64_DriverBuffersHoldExpectedSamples(AsioSampleType type)
    {
        using var fake = new FakeAsioDriver(64, type);
        var signal = new TestSignal();
        using (var backend = AsioBackend.FromDriver(fake.Pointer, new AsioBackendOptions { OutputChannels = Sparse }))
        {
            backend.Open(Sparse.Length);
            backend.Start(signal.Render);
            Wait.Until(() => signal.Calls >= 4, "four rendered blocks");
            backend.Stop();

            Assert.Equal([0, 3, 7, 40, 63], fake.CreatedChannels);
            for (int slot = 0; slot < Sparse.Length; slot++)
            {
                float[] expected = Enumerable.Range(0, fake.BufferSize).Select(f => TestSignal.Sample(slot, f)).ToArray();
                byte[] encoded = ReferenceQuantizer.Encode(expected, type);
                Assert.Equal(encoded, fake.ReadHalf(slot, 0));
                Assert.Equal(encoded, fake.ReadHalf(slot, 1));
            }
        }
        Assert.Equal(1, fake.DisposeBuffersCalls);
    }

    [Fact]
    public void Open_Defaults_UsePreferredSizeAndFirstOutputs()
    {
        using var fake = new FakeAsioDriver(64, AsioSampleType.ASIOSTInt32LSB) { PreferredBufferSize = 128 };
        using var backend = AsioBackend.FromDriver(fake.Pointer, new AsioBackendOptions());

        backend.Open(64);

        Assert.Equal(128, backend.BlockSize);
        Assert.Equal(48_000, backend.SampleRate);
        Assert.Equal(64, backend.ChannelCount);
        Assert.Equal(Enumerable.Range(0, 64), fake.CreatedChannels);
        Assert.Equal("Fake ASIO", backend.DriverName);
        Assert.Equal(fake.OutputLatency, backend.OutputLatencyFrames);
    }

    [Fact]
    public void Open_BufferSizeAndRateAsked_DriverUsesThem()
    {
        using var fake = new FakeAsioDriver(8, AsioSampleType.ASIOSTFloat32LSB);
        using var backend = AsioBackend.FromDriver(fake.Pointer, new AsioBackendOptions { BufferSize = 256, SampleRate = 96_000 });

        backend.Open(8);

        Assert.Equal(256, backend.BlockSize);
        Assert.Equal(256, fake.BufferSize);
        Assert.Equal(96_000, backend.SampleRate);
    }

    [Fact]
    public void Open_BufferSizeOutsideDriverRange_ThrowsNamingRange()
    {
        using var fake = new FakeAsioDriver(8, AsioSampleType.ASIOSTFloat32LSB);
        using var backend = AsioBackend.FromDriver(fake.Pointer, new AsioBackendOptions { BufferSize = 4096 });

        var error = Assert.Throws<AudioBackendException>(() => backend.Open(8));
        Assert.Contains("32..1024", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_BufferSizeNotPowerOfTwo_ThrowsForPowerOfTwoDriver()
    {
        using var fake = new FakeAsioDriver(8, AsioSampleType.ASIOSTFloat32LSB);
        using var backend = AsioBackend.FromDriver(fake.Pointer, new AsioBackendOptions { BufferSize = 100 });

        var error = Assert.Throws<AudioBackendException>(() => backend.Open(8));
        Assert.Contains("powers of two", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, fake.CreateBuffersCalls);
    }

    [Fact]
    public void Open_Fails_ReleasesTheProcessSlotForTheNextDriver()
    {
        using var fake = new FakeAsioDriver(8, AsioSampleType.ASIOSTFloat32LSB);
        using var failing = AsioBackend.FromDriver(fake.Pointer, new AsioBackendOptions { OutputChannels = ["99"] });
        Assert.Throws<AudioBackendException>(() => failing.Open(1));
        using var backend = AsioBackend.FromDriver(fake.Pointer, new AsioBackendOptions());

        backend.Open(8);

        Assert.Equal(8, backend.ChannelCount);
    }

    [Fact]
    public void Open_BigEndianDriver_ThrowsNamingSampleType()
    {
        using var fake = new FakeAsioDriver(8, AsioSampleType.ASIOSTInt32MSB);
        using var backend = AsioBackend.FromDriver(fake.Pointer, new AsioBackendOptions());

        var error = Assert.Throws<AudioBackendException>(() => backend.Open(2));
        Assert.Contains(nameof(AsioSampleType.ASIOSTInt32MSB), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_SecondDriverInProcess_ThrowsWhileFirstIsOpen()
    {
        using var first = new FakeAsioDriver(8, AsioSampleType.ASIOSTFloat32LSB);
        using var second = new FakeAsioDriver(8, AsioSampleType.ASIOSTFloat32LSB);
        using var backend = AsioBackend.FromDriver(first.Pointer, new AsioBackendOptions());
        backend.Open(2);
        using var other = AsioBackend.FromDriver(second.Pointer, new AsioBackendOptions());

        var error = Assert.Throws<AudioBackendException>(() => other.Open(2));
        Assert.Contains("one per process", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Start_OutputReadySupport_IsCalledOnlyWhenDriverAcceptsIt(bool supported)
    {
        using var fake = new FakeAsioDriver(8, AsioSampleType.ASIOSTFloat32LSB) { SupportsOutputReady = supported };
        var signal = new TestSignal();
        using var backend = AsioBackend.FromDriver(fake.Pointer, new AsioBackendOptions());
        backend.Open(8);
        long probes = fake.OutputReadyCalls;
        backend.Start(signal.Render);
        Wait.Until(() => signal.Calls >= 10, "ten rendered blocks");
        backend.Stop();

        Assert.Equal(supported, backend.UsesOutputReady);
        Assert.Equal(supported ? signal.Calls : 0, fake.OutputReadyCalls - probes);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Start_DriverSystemTime_MapsBlockStartOntoMonotonicClock(bool timeInfo)
    {
        using var fake = new FakeAsioDriver(8, AsioSampleType.ASIOSTFloat32LSB) { OfferTimeInfo = timeInfo };
        var signal = new TestSignal();
        using var backend = AsioBackend.FromDriver(fake.Pointer, new AsioBackendOptions());
        backend.Open(8);
        long latencyNs = fake.OutputLatency * 1_000_000_000L / 48_000;
        long before = MonotonicClock.NowNs();
        backend.Start(signal.Render);
        Wait.Until(() => signal.Calls >= 20, "twenty rendered blocks");
        backend.Stop();
        long after = MonotonicClock.NowNs();

        Assert.Equal(timeInfo, fake.HostUsesTimeInfo);
        // The fake's system time is 5 s behind MonotonicClock: unmapped, this would be far outside.
        Assert.InRange(signal.LastBlockStartNs, before + latencyNs, after + latencyNs);
    }
}
