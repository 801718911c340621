using HapticShm.Server.Backends.Jack;

namespace HapticShm.Server.Tests;

public sealed class BlockStartClockTests
{
    private const int Rate = 48000;
    private const int Block = 64;
    private const double PeriodNs = Block * 1e9 / Rate;
    private const long FrameNs = 20_833;

    [Fact]
    public void Next_JitteryMeasurements_AdvancesByExactlyOnePeriodOnceSettled()
    {
        var clock = new BlockStartClock(Rate);
        var random = new Random(7);
        long previous = clock.Next(1000, Block, 5_000_000_000);
        for (int b = 1; b < 10_000; b++)
        {
            long truth = 5_000_000_000 + (long)(b * PeriodNs);
            long start = clock.Next((uint)(1000 + b * Block), Block, truth + random.Next(-50_000, 50_000));
            long step = start - previous;
            // While the first readings are averaged the timeline may step by whole frames; after
            // that, ±50 µs of noise (2.4 frames) never moves it: every block is one period later.
            if (b < 2 * BlockStartClock.FilterSeconds * Rate / Block) Assert.True(Math.Abs(step - PeriodNs) < 1 || Math.Abs(Math.Abs(step - PeriodNs) - FrameNs) < 2, $"block {b}: advanced {step} ns");
            else Assert.InRange(step, 1_333_333, 1_333_334);
            previous = start;
        }
        Assert.InRange(clock.Steps, 0, 3);
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
    public void Next_DeviceClockDrifts100Ppm_FollowsItInWholeFrameStepsWithin150Us()
    {
        var clock = new BlockStartClock(Rate);
        long last = 0, truth = 0, previous = 0;
        for (int b = 0; b < 100_000; b++) // about 2 minutes of blocks
        {
            truth = (long)(b * PeriodNs * 1.0001);
            last = clock.Next(unchecked((uint)(b * Block)), Block, truth);
            // Exactly one period, or one period and one frame where the timeline steps.
            if (b > 0) Assert.True(Math.Abs(last - previous - PeriodNs) < 1 || Math.Abs(last - previous - PeriodNs - FrameNs) < 2, $"block {b}: advanced {last - previous} ns");
            previous = last;
        }
        // The filter lags a ramp by its time constant: 100 ppm of 1 s, plus up to a frame.
        Assert.InRange(last - truth, -150_000, 150_000);
        // 100 ppm of 133 s is 13.3 ms: 640 frames, each one step (less the lag).
        Assert.InRange(clock.Steps, 620, 660);
        Assert.Equal(0, clock.Resyncs);
    }

    [Fact]
    public void Next_ConstantOffsetOfAFewFrames_StepsOnceAndStaysExact()
    {
        var clock = new BlockStartClock(Rate);
        clock.Next(0, Block, 0);
        long previous = 0;
        // JACK's time settles 3.5 frames (73 µs) later than the first reading said.
        long offset = (long)(3.5 * FrameNs);
        for (int b = 1; b < 5_000; b++)
        {
            long start = clock.Next((uint)(b * Block), Block, (long)(b * PeriodNs) + offset);
            if (b > 2_000) Assert.InRange(start - previous, 1_333_333, 1_333_334);
            previous = start;
        }
        Assert.Equal(3, clock.Steps);
        Assert.InRange(previous - (long)(4_999 * PeriodNs), 3 * FrameNs - 2, 3 * FrameNs + 2);
    }

    [Fact]
    public void Next_JumpBeyondThresholdForSomeBlocks_ReanchorsAndCounts()
    {
        var clock = new BlockStartClock(Rate);
        clock.Next(0, Block, 0);
        clock.Next(Block, Block, (long)PeriodNs);
        long start = 0, jumped = 0;
        for (int b = 2; b < 2 + BlockStartClock.ResyncAfterBlocks; b++)
        {
            jumped = (long)(b * PeriodNs) + 3_000_000;
            start = clock.Next((uint)(b * Block), Block, jumped);
            if (b < 1 + BlockStartClock.ResyncAfterBlocks) Assert.Equal((long)(b * PeriodNs), start, 1.0);
        }

        Assert.Equal(jumped, start);
        Assert.Equal(1, clock.Resyncs);
    }

    [Fact]
    public void Next_OneWildReport_KeepsTheTimeline()
    {
        var clock = new BlockStartClock(Rate);
        long previous = clock.Next(0, Block, 0);
        for (int b = 1; b < 50; b++)
        {
            long wild = b == 20 ? 5_000_000 : 0; // one wake-up 5 ms late
            long start = clock.Next((uint)(b * Block), Block, (long)(b * PeriodNs) + wild);
            Assert.InRange(start - previous, 1_333_333, 1_333_334);
            previous = start;
        }
        Assert.Equal((0, 0), (clock.Resyncs, clock.Steps));
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
