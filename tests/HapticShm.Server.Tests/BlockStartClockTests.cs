using HapticShm.Jack;

namespace HapticShm.Server.Tests;

/// <summary>The timeline against wake-up times the test decides: a cycle's true start plus how
/// late its callback began.</summary>
public sealed class BlockStartClockTests
{
    private const int Rate = 48000;
    private const int Block = 64;
    private const long FrameNs = 20_833;
    private const int BlocksPerWindow = (int)(BlockStartClock.WindowSeconds * Rate / Block);

    private static long Truth(long block) => 5_000_000_000 + JackTime.FramesToNs(block * Block, Rate);

    private static bool OnePeriod(long advance) => advance is 1_333_333 or 1_333_334;

    [Fact]
    public void Next_WakeUpsLateByNoise_NeverAfterAWakeUpAndSteadyOnceSettled()
    {
        var clock = new BlockStartClock(Rate);
        var random = new Random(7);
        long previous = 0, previousSteps = 0, stepsAfterFirstWindow = 0;
        for (int b = 0; b < 20 * BlocksPerWindow; b++)
        {
            long began = Truth(b) + 20_000 + random.Next(0, 380_000); // 20 µs at best, 400 µs at worst
            long start = clock.Next((uint)(1000 + b * Block), Block, began);
            Assert.True(start <= began, $"block {b}: starts {start - began} ns after its callback began");
            if (b > BlocksPerWindow) Assert.InRange(start - Truth(b), -FrameNs, 20_000 + 2 * BlockStartClock.SlackFrames * FrameNs);
            if (b > BlocksPerWindow && clock.Steps == previousSteps) Assert.True(OnePeriod(start - previous), $"block {b}: advanced {start - previous} ns");
            if (b > BlocksPerWindow) stepsAfterFirstWindow += clock.Steps - previousSteps;
            previous = start;
            previousSteps = clock.Steps;
        }
        // A new earliest wake-up moves it by a frame now and then; noise above it never does.
        Assert.InRange(stepsAfterFirstWindow, 0, 2);
        Assert.Equal(0, clock.Resyncs);
    }

    [Fact]
    public void Next_WakeUpsAtTheStart_AdvancesByExactlyOnePeriod()
    {
        var clock = new BlockStartClock(Rate);
        long previous = clock.Next(0, Block, Truth(0));
        for (int b = 1; b < 100_000; b++)
        {
            long start = clock.Next((uint)(b * Block), Block, Truth(b));
            Assert.Equal(Truth(b), start);
            Assert.True(OnePeriod(start - previous));
            previous = start;
        }
        Assert.Equal((0, 0), (clock.Steps, clock.Resyncs));
    }

    [Theory]
    [InlineData(1.0001, 200, 330)] // a slow device: moves later two or three frames at a time
    [InlineData(0.9999, 620, 660)] // a fast one: earlier a frame at a time, as soon as a callback precedes its start
    public void Next_DeviceClockDrifts100Ppm_FollowsItByWholeFrames(double periodScale, int fewestSteps, int mostSteps)
    {
        var clock = new BlockStartClock(Rate);
        long previous = 0;
        for (int b = 0; b < 100_000; b++) // 133 s of blocks: 100 ppm is 13.3 ms, 640 frames
        {
            long began = 5_000_000_000 + (long)(b * Block * 1e9 / Rate * periodScale) + 10_000;
            long start = clock.Next(unchecked((uint)(b * Block)), Block, began);
            // At most the wake-up, the slack and the drift (50 µs a window) over the recent windows.
            Assert.InRange(began - start, 0, 10_000 + 2 * BlockStartClock.SlackFrames * FrameNs + (BlockStartClock.RecentWindows + 1) * 50_000 + FrameNs);
            long frames = (long)Math.Round((start - previous - 1_333_333.3) / FrameNs);
            if (b > 0) Assert.True(Math.Abs(start - previous - 1_333_333.3 - frames * FrameNs) < 2, $"block {b}: advanced {start - previous} ns, not whole frames");
            previous = start;
        }
        Assert.InRange(clock.Steps, fewestSteps, mostSteps);
        Assert.Equal(0, clock.Resyncs);
    }

    [Fact]
    public void Next_FirstCallbackLate_MovesEarlierAsASettlingStep()
    {
        var clock = new BlockStartClock(Rate);
        clock.Next(0, Block, Truth(0) + 3_000_000); // a cold first callback, 3 ms late
        long start = clock.Next(Block, Block, Truth(1) + 10_000);

        Assert.InRange(Truth(1) + 10_000 - start, 0, FrameNs - 1);
        Assert.Equal((1, 0), (clock.Steps, clock.Resyncs));
    }

    [Fact]
    public void Next_DriverRephases3MsLater_ResyncsAfterSomeBlocks()
    {
        var clock = new BlockStartClock(Rate);
        int b = 0;
        for (; b < 2 * BlocksPerWindow + 5; b++) clock.Next((uint)(b * Block), Block, Truth(b) + 10_000);
        var lateness = new List<long>();
        int runBlocks = (int)(BlockStartClock.LateRunSeconds * Rate / Block);
        for (int end = b + 2 * runBlocks; b < end; b++)
        {
            long began = Truth(b) + 3_010_000 + (b % 2) * 100_000; // wake-ups after the re-phase still vary
            lateness.Add(began - clock.Next((uint)(b * Block), Block, began));
        }

        Assert.Equal(1, clock.Resyncs);
        // Behind by the re-phase until it is certain, then by the slack (of the earliest wake-up) at most.
        Assert.All(lateness[..runBlocks], late => Assert.InRange(late, 3_000_000, 3_200_000));
        Assert.All(lateness[(runBlocks + 1)..], late => Assert.InRange(late, 0, (BlockStartClock.SlackFrames + 1) * FrameNs + 100_000));
    }

    [Fact]
    public void Next_OneCallbackFarBeforeItsCycle_KeepsTheTimeline()
    {
        var clock = new BlockStartClock(Rate);
        int b = 0;
        for (; b < 2 * BlocksPerWindow; b++) clock.Next((uint)(b * Block), Block, Truth(b));
        long previous = clock.Next((uint)(b * Block), Block, Truth(b));
        for (int end = b + 50; ++b < end;)
        {
            long early = b == end - 25 ? 2_000_000 : 0; // one cycle mislabelled: its callback seems 2 ms early
            long start = clock.Next((uint)(b * Block), Block, Truth(b) - early);
            Assert.True(OnePeriod(start - previous));
            previous = start;
        }
        Assert.Equal((0, 0), (clock.Resyncs, clock.Steps));
    }

    [Fact]
    public void Next_CallbacksFarBeforeTheirCyclesForSomeBlocks_Resyncs()
    {
        var clock = new BlockStartClock(Rate);
        int b = 0;
        for (; b < 2 * BlocksPerWindow; b++) clock.Next((uint)(b * Block), Block, Truth(b));
        long start = 0;
        for (int i = 0; i < BlockStartClock.ResyncAfterBlocks; i++, b++) start = clock.Next((uint)(b * Block), Block, Truth(b) - 2_000_000);

        Assert.Equal(1, clock.Resyncs);
        Assert.InRange(Truth(b - 1) - 2_000_000 - start, 0, FrameNs - 1);
    }

    [Fact]
    public void Next_ReportFromTheNextCycle_DoesNotBendTheTimeline()
    {
        var clock = new BlockStartClock(Rate);
        long previous = clock.Next(0, Block, Truth(0));
        for (int b = 1; b < 50; b++)
        {
            int reportedBlock = b is 20 or 21 ? b + 1 : b; // a late client reads the next cycle's frame twice
            long start = clock.Next((uint)(reportedBlock * Block), Block, Truth(b));
            Assert.True(OnePeriod(start - previous));
            previous = start;
        }
        Assert.Equal((0, 0, 0), (clock.Resyncs, clock.Steps, clock.FrameJumps));
    }

    [Fact]
    public void Next_FrameCounterSkipsTwoPeriods_FollowsTheSkip()
    {
        var clock = new BlockStartClock(Rate);
        for (int b = 0; b < 10; b++) clock.Next((uint)(b * Block), Block, Truth(b));
        long afterSkip = 0;
        for (int b = 12; b < 20; b++) afterSkip = clock.Next((uint)(b * Block), Block, Truth(b));

        Assert.Equal(1, clock.FrameJumps);
        Assert.Equal(19u * Block, clock.LastFrame);
        Assert.Equal(Truth(19), afterSkip);
    }

    [Fact]
    public void Next_FrameCounterWraps_StaysExact()
    {
        var clock = new BlockStartClock(Rate);
        uint frame = uint.MaxValue - 10 * Block + 1;
        long previous = clock.Next(frame, Block, Truth(0));
        for (int b = 1; b < 20; b++)
        {
            long start = clock.Next(unchecked(frame + (uint)(b * Block)), Block, Truth(b));
            Assert.True(OnePeriod(start - previous));
            previous = start;
        }
    }
}
