using HapticShm.Plugin.Core.Timing;
using HapticShm.Shared.Status;

namespace HapticShm.Plugin.Tests.Core;

/// <summary>The block clock with hosts whose system time the test writes: which clock the stamps
/// follow (<see cref="BlockClock.Source"/>) and the stamps themselves. Block i is due at
/// Start + i x 256 samples at 48 kHz and called 0, 0.5, 1 or 1.5 ms after that (i % 4): the own
/// fit then stamps due + 1.5 ms from block 3 on (the latest call), the host's clock exactly due.</summary>
public sealed class HostClockCheckTests
{
    private const double SampleRate = 48000;
    private const int BlockSize = 256;
    private const long Start = 5_000_000_000;
    private const long HostEpoch = -777_000_000_000;
    private const long LatestCallNs = 1_500_000;

    private static long Due(int i) => Start + (long)Math.Round((long)i * BlockSize * 1e9 / SampleRate);

    private static int BlocksIn(double seconds) => (int)(seconds * SampleRate / BlockSize);

    private static long CallDelay(int i) => i % 4 * 500_000L;

    /// <summary>Runs blocks <paramref name="from"/>..<paramref name="to"/> (exclusive) with the host's
    /// time <paramref name="hostTime"/>(i); returns each block's stamp and source.</summary>
    private static (long[] Stamps, ClockSourceStatus[] Sources) Run(BlockClock clock, int from, int to, Func<int, long> hostTime)
    {
        var stamps = new long[to];
        var sources = new ClockSourceStatus[to];
        for (int i = from; i < to; i++)
        {
            var block = HostBlock.Bare(Due(i) + CallDelay(i), BlockSize);
            block.HasContinuousTime = true;
            block.ContinuousTimeSamples = (long)i * BlockSize;
            block.HasSystemTime = true;
            block.SystemTimeNs = hostTime(i);
            stamps[i] = clock.Advance(block);
            sources[i] = clock.Source;
        }
        return (stamps, sources);
    }

    private static void AssertOwnFit(long[] stamps, int from, int to)
    {
        for (int i = from; i < to; i++)
            Assert.True(Math.Abs(stamps[i] - (Due(i) + LatestCallNs)) <= 1, $"block {i}: stamp {stamps[i] - Due(i)} ns after due, the own fit says {LatestCallNs}");
    }

    private static void AssertHostClock(long[] stamps, int from, int to)
    {
        for (int i = from; i < to; i++)
            Assert.True(Math.Abs(stamps[i] - Due(i)) <= 1, $"block {i}: stamp {stamps[i] - Due(i)} ns after due, the host's clock says 0");
    }

    [Fact]
    public void MicrosecondHostClock_LikeArdour_IsRejectedForItsRate_AndTheOwnFitStamps()
    {
        var clock = new BlockClock(SampleRate);
        int blocks = BlocksIn(3);
        (long[] stamps, ClockSourceStatus[] sources) = Run(clock, 0, blocks, i => Due(i) / 1000);

        // 50 ms behind ours, for 50 ms more: within 20 blocks of 5.3 ms.
        int rejectedAt = Array.FindIndex(sources, s => s.Source == ClockSource.HostClockRejected);
        Assert.InRange(rejectedAt, 10, 20);
        Assert.All(sources[..rejectedAt], s => Assert.Equal(ClockSource.Checking, s.Source));
        // Refused again every 100 ms, each time for its rate over those blocks.
        Assert.All(sources[rejectedAt..], s => Assert.Equal(HostClockFault.WrongRate, s.Fault));
        Assert.All(sources[rejectedAt..], s => Assert.InRange(s.Value, 0.00095f, 0.00105f));
        Assert.Equal("own fit (host clock rejected: runs at 0.001x)", sources[^1].ToString());
        AssertOwnFit(stamps, 3, blocks);
        Assert.Equal(1, clock.Anchors);
    }

    [Fact]
    public void HostClockRunningBackwards_IsRejectedAtItsSecondBlock()
    {
        var clock = new BlockClock(SampleRate);
        int blocks = BlocksIn(2);
        (long[] stamps, ClockSourceStatus[] sources) = Run(clock, 0, blocks, i => HostEpoch - Due(i));

        Assert.Equal(ClockSource.Checking, sources[0].Source);
        Assert.All(sources[1..], s => Assert.Equal(ClockSource.HostClockRejected, s.Source));
        Assert.Equal(HostClockFault.RunsBackwards, sources[1].Fault);
        Assert.Equal(-(Due(1) - Due(0)) / 1e6, sources[1].Value, 3);
        AssertOwnFit(stamps, 3, blocks);
        Assert.Equal(1, clock.Anchors);
    }

    [Fact]
    public void HostClockStandingStill_IsRejectedAtItsSecondBlock()
    {
        var clock = new BlockClock(SampleRate);
        int blocks = BlocksIn(2);
        (long[] stamps, ClockSourceStatus[] sources) = Run(clock, 0, blocks, _ => 123_456_789);

        Assert.Equal(ClockSource.Checking, sources[0].Source);
        Assert.All(sources[1..], s => Assert.Equal(new ClockSourceStatus(ClockSource.HostClockRejected, HostClockFault.StandsStill), s));
        Assert.Equal("own fit (host clock rejected: stands still)", sources[^1].ToString());
        AssertOwnFit(stamps, 3, blocks);
        Assert.Equal(1, clock.Anchors);
    }

    [Fact]
    public void GoodNanosecondHostClock_IsUsedAfterOneCleanWindow_AndStampsFollowIt()
    {
        var clock = new BlockClock(SampleRate);
        int blocks = BlocksIn(4);
        (long[] stamps, ClockSourceStatus[] sources) = Run(clock, 0, blocks, i => Due(i) + HostEpoch);

        int acceptedAt = Array.FindIndex(sources, s => s.Source == ClockSource.HostClock);
        // The first block whose call is a window (1 s) after block 0's.
        int expected = Enumerable.Range(0, blocks).First(i => Due(i) + CallDelay(i) - Due(0) >= HostClockCheck.WindowNs);
        Assert.Equal(expected, acceptedAt);
        Assert.All(sources[..acceptedAt], s => Assert.Equal(ClockSource.Checking, s.Source));
        Assert.All(sources[acceptedAt..], s => Assert.Equal(ClockSource.HostClock, s.Source));
        Assert.Equal("host clock", sources[^1].ToString());
        AssertOwnFit(stamps, 3, acceptedAt);
        // Moved onto our clock by the smallest call delay (0): exactly when each block was due.
        AssertHostClock(stamps, acceptedAt, blocks);
        Assert.Equal(-HostEpoch, clock.HostClock.OffsetNs);
        Assert.Equal(2, clock.Anchors); // the switch of clock starts the line over
    }

    [Fact]
    public void HostClockThatJumps_IsRejected_AndReadmittedAfterTenCleanWindows()
    {
        var clock = new BlockClock(SampleRate);
        int jumpAt = BlocksIn(0.5), blocks = BlocksIn(14);
        long HostTime(int i) => Due(i) + HostEpoch + (i >= jumpAt ? 200_000_000 : 0);
        (long[] stamps, ClockSourceStatus[] sources) = Run(clock, 0, blocks, HostTime);

        Assert.All(sources[..jumpAt], s => Assert.Equal(ClockSource.Checking, s.Source));
        Assert.Equal(ClockSource.HostClockRejected, sources[jumpAt].Source);
        Assert.Equal(HostClockFault.Jumped, sources[jumpAt].Fault);
        // 200 ms ahead of the smallest offset so far (a call 0 ms late), less this call's delay.
        Assert.Equal(200 - CallDelay(jumpAt) / 1e6, sources[jumpAt].Value, 3);
        int readmittedAt = Array.FindIndex(sources, s => s.Source == ClockSource.HostClock);
        long cleanFor = Due(readmittedAt) + CallDelay(readmittedAt) - (Due(jumpAt) + CallDelay(jumpAt));
        Assert.InRange(cleanFor, HostClockCheck.ReadmitWindows * HostClockCheck.WindowNs, (HostClockCheck.ReadmitWindows + 0.1) * HostClockCheck.WindowNs);
        Assert.All(sources[jumpAt..readmittedAt], s => Assert.Equal(sources[jumpAt], s));
        AssertOwnFit(stamps, 3, readmittedAt);
        AssertHostClock(stamps, readmittedAt, blocks);
        Assert.Equal(1, clock.HostClock.Rejections);
    }

    [Fact]
    public void HostClockThatGoesSlowAfterBeingAccepted_IsDropped_AndTheOwnFitTakesOver()
    {
        var clock = new BlockClock(SampleRate);
        int badAt = BlocksIn(2.5), blocks = BlocksIn(4);
        // From 2.5 s on the host's clock advances a thousand times too slowly (microseconds).
        long HostTime(int i) => i < badAt ? Due(i) + HostEpoch : Due(badAt) + HostEpoch + (Due(i) - Due(badAt)) / 1000;
        (long[] stamps, ClockSourceStatus[] sources) = Run(clock, 0, blocks, HostTime);

        int acceptedAt = Array.FindIndex(sources, s => s.Source == ClockSource.HostClock);
        Assert.InRange(acceptedAt, 1, badAt - 1);
        int droppedAt = Array.FindIndex(sources, s => s.Source == ClockSource.HostClockRejected);
        Assert.InRange(droppedAt, badAt + 10, badAt + 20); // 50 ms behind, for 50 ms
        Assert.All(sources[acceptedAt..droppedAt], s => Assert.Equal(ClockSource.HostClock, s.Source));
        Assert.All(sources[droppedAt..], s => Assert.Equal(HostClockFault.WrongRate, s.Fault));
        Assert.True(sources[droppedAt].Value < 1 - HostClockCheck.RateTolerance, $"rate {sources[droppedAt].Value}");
        // Still on the host's line while it drifted (less than the early bound), then the own fit
        // from the drop: anchored at that block's call, on the latest call within three blocks.
        AssertHostClock(stamps, acceptedAt, droppedAt);
        Assert.Equal(Due(droppedAt) + CallDelay(droppedAt), stamps[droppedAt]);
        AssertOwnFit(stamps, droppedAt + 3, blocks);
        Assert.Equal(3, clock.Anchors);
    }

    [Fact]
    public void NoHostTime_OwnFit_AndResetForgetsTheVerdict()
    {
        var clock = new BlockClock(SampleRate);
        Assert.Equal(ClockSource.Unknown, clock.Source.Source);
        clock.Advance(HostBlock.Bare(Start, BlockSize));
        Assert.Equal(new ClockSourceStatus(ClockSource.OwnFit), clock.Source);
        Run(clock, 1, 3, _ => 42);
        Assert.Equal(HostClockFault.StandsStill, clock.Source.Fault);
        clock.Reset();
        Assert.Equal(ClockSource.Unknown, clock.Source.Source);
    }
}
