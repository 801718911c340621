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
        long previous = clock.Next(1000, Block, 5_000_000_000);
        for (int b = 1; b < 10_000; b++)
        {
            long truth = 5_000_000_000 + (long)(b * PeriodNs);
            long start = clock.Next((uint)(1000 + b * Block), Block, truth + random.Next(-50_000, 50_000));
            Assert.InRange(start - previous, PeriodNs - BlockStartClock.MaxSlewNs - 1, PeriodNs + BlockStartClock.MaxSlewNs + 1);
            previous = start;
        }
        Assert.Equal(0, clock.Resyncs);
    }

    [Fact]
    public void Next_SteadyMeasurements_AdvancesByExactlyOnePeriod()
    {
        var clock = new BlockStartClock(Rate);
        long previous = clock.Next(0, Block, 0);
        for (int b = 1; b < 100_000; b++)
        {
            long start = clock.Next((uint)(b * Block), Block, (long)(b * PeriodNs));
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
            last = clock.Next(unchecked((uint)(b * Block)), Block, truth);
        }
        Assert.InRange(last - truth, -50_000, 50_000);
        Assert.Equal(0, clock.Resyncs);
    }

    [Fact]
    public void Next_JumpBeyondThreshold_ReanchorsAndCounts()
    {
        var clock = new BlockStartClock(Rate);
        clock.Next(0, Block, 0);
        clock.Next(Block, Block, (long)PeriodNs);
        long jumped = (long)(2 * PeriodNs) + 3_000_000;

        long start = clock.Next(2 * Block, Block, jumped);

        Assert.Equal(jumped, start);
        Assert.Equal(1, clock.Resyncs);
    }

    [Fact]
    public void Next_ReportFromTheNextCycle_DoesNotBendTheTimeline()
    {
        var clock = new BlockStartClock(Rate);
        long previous = clock.Next(0, Block, 0);
        for (int b = 1; b < 50; b++)
        {
            int reportedBlock = b == 20 ? 21 : b; // a late client reads the next cycle's timing once
            long start = clock.Next((uint)(reportedBlock * Block), Block, (long)(reportedBlock * PeriodNs));
            Assert.InRange(start - previous, 1_333_333, 1_333_334);
            previous = start;
        }
        Assert.Equal((0, 0), (clock.Resyncs, clock.FrameJumps));
    }

    [Fact]
    public void Next_FrameCounterSkipsTwoPeriods_FollowsTheSkip()
    {
        var clock = new BlockStartClock(Rate);
        for (int b = 0; b < 10; b++) clock.Next((uint)(b * Block), Block, (long)(b * PeriodNs));
        long afterSkip = 0;
        for (int b = 12; b < 20; b++) afterSkip = clock.Next((uint)(b * Block), Block, (long)(b * PeriodNs));

        Assert.Equal(1, clock.FrameJumps);
        Assert.InRange(afterSkip, (long)(19 * PeriodNs) - 1000, (long)(19 * PeriodNs) + 1000);
    }

    [Fact]
    public void Next_FrameCounterWraps_StaysExact()
    {
        var clock = new BlockStartClock(Rate);
        uint frame = uint.MaxValue - 10 * Block + 1;
        long previous = clock.Next(frame, Block, 0);
        for (int b = 1; b < 20; b++)
        {
            long start = clock.Next(unchecked(frame + (uint)(b * Block)), Block, (long)(b * PeriodNs));
            Assert.InRange(start - previous, 1_333_333, 1_333_334);
            previous = start;
        }
    }
}
