using HapticShm.Server.Backends.Jack;

namespace HapticShm.Server.Tests;

public sealed class BlockStartClockTests
{
    private const int Rate = 48000;
    private const int Block = 64;
    private const double PeriodNs = Block * 1e9 / Rate;

    [Fact]
    public void Next_JitteryMeasurements_AdvancesByOnePeriodWithinTheSlewLimit()
    {
        var clock = new BlockStartClock(Rate);
        var random = new Random(7);
        long previous = clock.Next(1000, 5_000_000_000);
        for (int b = 1; b < 10_000; b++)
        {
            long truth = 5_000_000_000 + (long)(b * PeriodNs);
            long start = clock.Next((uint)(1000 + b * Block), truth + random.Next(-50_000, 50_000));
            Assert.InRange(start - previous, PeriodNs - BlockStartClock.MaxSlewNs - 1, PeriodNs + BlockStartClock.MaxSlewNs + 1);
            previous = start;
        }
        Assert.Equal(0, clock.Resyncs);
    }

    [Fact]
    public void Next_SteadyMeasurements_AdvancesByExactlyOnePeriod()
    {
        var clock = new BlockStartClock(Rate);
        long previous = clock.Next(0, 0);
        for (int b = 1; b < 100_000; b++)
        {
            long start = clock.Next((uint)(b * Block), (long)(b * PeriodNs));
            Assert.InRange(start - previous, 1_333_333, 1_333_334);
            previous = start;
        }
    }

    [Fact]
    public void Next_DeviceClockDrifts100Ppm_TracksItWithin50Us()
    {
        var clock = new BlockStartClock(Rate);
        long last = 0, truth = 0;
        for (int b = 0; b < 100_000; b++) // about 2 minutes of blocks
        {
            truth = (long)(b * PeriodNs * 1.0001);
            last = clock.Next(unchecked((uint)(b * Block)), truth);
        }
        Assert.InRange(last - truth, -50_000, 50_000);
        Assert.Equal(0, clock.Resyncs);
    }

    [Fact]
    public void Next_JumpBeyondThreshold_ReanchorsAndCounts()
    {
        var clock = new BlockStartClock(Rate);
        clock.Next(0, 0);
        clock.Next(Block, (long)PeriodNs);
        long jumped = (long)(2 * PeriodNs) + 3_000_000;

        long start = clock.Next(2 * Block, jumped);

        Assert.Equal(jumped, start);
        Assert.Equal(1, clock.Resyncs);
    }

    [Fact]
    public void Next_FrameCounterWraps_StaysExact()
    {
        var clock = new BlockStartClock(Rate);
        uint frame = uint.MaxValue - 10 * Block + 1;
        long previous = clock.Next(frame, 0);
        for (int b = 1; b < 20; b++)
        {
            long start = clock.Next(unchecked(frame + (uint)(b * Block)), (long)(b * PeriodNs));
            Assert.InRange(start - previous, 1_333_333, 1_333_334);
            previous = start;
        }
    }
}
