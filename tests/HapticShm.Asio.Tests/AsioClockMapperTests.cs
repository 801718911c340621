using HapticShm.Server.Backends.Asio;

namespace HapticShm.Asio.Tests;

public sealed class AsioClockMapperTests
{
    private const long Shift = 7_000_000_000; // monotonic minus driver system time
    private const long Latency = 3_000_000;

    [Fact]
    public void BlockStartNs_NoSystemTime_IsNowPlusLatency()
    {
        var mapper = new AsioClockMapper();
        Assert.Equal(1_000 + Latency, mapper.BlockStartNs(null, 1_000, Latency));
    }

    [Fact]
    public void BlockStartNs_JitteredCallbacks_FollowLowerEnvelope()
    {
        var mapper = new AsioClockMapper();
        var random = new Random(5);
        long system = 1_000_000_000;
        for (int block = 0; block < 1000; block++)
        {
            long wakeDelay = 20_000 + random.Next(0, 500_000); // 20 us .. 520 us late
            mapper.BlockStartNs(system, system + Shift + wakeDelay, Latency);
            system += 1_333_333;
        }
        long start = mapper.BlockStartNs(system, system + Shift + 400_000, Latency);

        Assert.InRange(mapper.OffsetNs - Shift, 20_000, 120_000);
        Assert.Equal(system + mapper.OffsetNs + Latency, start);
    }

    [Fact]
    public void BlockStartNs_SystemClockDrifts_EstimateFollows()
    {
        var mapper = new AsioClockMapper();
        long system = 0;
        long offset = Shift;
        for (int block = 0; block < 5000; block++)
        {
            mapper.BlockStartNs(system, system + offset, Latency);
            system += 1_000_000;
            offset += 100; // the driver's clock runs 100 ppm slow
        }
        Assert.InRange(mapper.OffsetNs, offset - 100_000, offset);
    }

    [Fact]
    public void Reset_AfterClockJump_TakesNewOffsetAtOnce()
    {
        var mapper = new AsioClockMapper();
        mapper.BlockStartNs(0, Shift, 0);
        mapper.Reset();
        mapper.BlockStartNs(0, Shift + 1_000_000_000, 0);
        Assert.Equal(Shift + 1_000_000_000, mapper.OffsetNs);
    }
}
