using HapticShm.Plugin.Core.Timing;
using HapticShm.Shared;

namespace HapticShm.Plugin.Tests.Core;

/// <summary>The lock against a JACK graph the test plays: cycle c starts at a time the test
/// decides, the server labels it frame F0 + c x B and publishes its line a few cycles late, and the
/// host processes it as sample h0 + (cycles it processed) x B, called some time into the cycle.</summary>
public sealed class SharedCycleLockTests
{
    private const int Rate = 48000;
    private const uint FirstFrame = 4_000_000_000; // wraps during the tests
    private const long FirstCycleNs = 7_000_000_000;
    private const long HostStart = 123 * 64;

    private sealed class Graph(int block, double rateScale = 1.0)
    {
        public readonly SharedCycleLock Lock = new();
        public int Block => block;

        public long CycleStartNs(long cycle) => FirstCycleNs + (long)(MonotonicClock.FramesToNs(cycle * block, Rate) * rateScale);

        public uint FrameOf(long cycle) => unchecked(FirstFrame + (uint)(cycle * block));

        // The server publishes about every 10 ms: the line of a block some cycles back.
        public ServerTimeline Published(long cycle)
        {
            long published = Math.Max(0, cycle - 5);
            return new ServerTimeline(FrameOf(published), FirstCycleNs + MonotonicClock.FramesToNs((published + 1) * block, Rate), Rate, block, 0, 0, 3_666_666);
        }

        /// <summary>The host processes its block <paramref name="hostBlock"/> in cycle <paramref name="cycle"/>, <paramref name="lateNs"/> into it.</summary>
        public bool Process(long hostBlock, long cycle, long lateNs) =>
            Lock.Observe(HostStart + hostBlock * block, block, CycleStartNs(cycle) + lateNs, Published(cycle));
    }

    private static int Blocks(double seconds, int block) => (int)(seconds * Rate / block);

    [Theory]
    [InlineData(64)]
    [InlineData(256)]
    public void Observe_OneGraph_LocksOnTheExactFrameOfEveryHostSample(int block)
    {
        var graph = new Graph(block);
        var random = new Random(3);
        bool locked = false;
        int lockedAt = -1;
        for (int c = 0; c < Blocks(6, block); c++)
        {
            // 15 µs at best; most calls up to 40 % of a period late.
            long late = 15_000 + (c % 7 == 0 ? 0 : random.Next(0, (int)(0.4 * block * 1e9 / Rate)));
            locked = graph.Process(c, c, late);
            if (locked && lockedAt < 0) lockedAt = c;
            if (locked) Assert.Equal(graph.FrameOf(c), graph.Lock.ServerFrameOf(HostStart + c * block));
        }
        Assert.True(locked);
        // It waits for the earliest calls of RecentWindows windows to agree.
        Assert.InRange(lockedAt, Blocks(SharedCycleLock.RecentWindows * SharedCycleLock.WindowSeconds, block) - 1, Blocks((SharedCycleLock.RecentWindows + 1) * SharedCycleLock.WindowSeconds, block));
        Assert.Equal(1, graph.Lock.Locks);
    }

    [Fact]
    public void Observe_CyclesSkipped_FollowsThemWithinJumpBlocks()
    {
        var graph = new Graph(64);
        int c = 0;
        for (; c < Blocks(5, 64); c++) graph.Process(c, c, 20_000);
        Assert.True(graph.Lock.IsLocked);
        for (int k = 0; k < Blocks(2, 64); k++, c++)
        {
            long cycle = c + 3; // three cycles nobody processed: JACK's frames moved on, the host's samples did not
            Assert.True(graph.Process(c, cycle, 20_000));
            if (k >= SharedCycleLock.JumpBlocks - 1) Assert.Equal(graph.FrameOf(cycle), graph.Lock.ServerFrameOf(HostStart + c * 64L));
        }
        Assert.Equal((1, 1), (graph.Lock.Jumps, graph.Lock.Locks));
    }

    [Fact]
    public void Observe_OneLateRunOfCalls_KeepsTheOffset()
    {
        var graph = new Graph(64);
        int c = 0;
        for (; c < Blocks(5, 64); c++) graph.Process(c, c, 20_000);
        for (int k = 0; k < SharedCycleLock.JumpBlocks - 1; k++, c++) graph.Process(c, c, 1_300_000); // a busy moment: calls a period late
        for (int k = 0; k < Blocks(1, 64); k++, c++)
        {
            Assert.True(graph.Process(c, c, 20_000));
            Assert.Equal(graph.FrameOf(c), graph.Lock.ServerFrameOf(HostStart + c * 64L));
        }
        Assert.Equal(0, graph.Lock.Jumps);
    }

    [Fact]
    public void Observe_HostOnAnotherDevice100PpmApart_NeverLocks()
    {
        var graph = new Graph(64, rateScale: 1.0001);
        for (int c = 0; c < Blocks(20, 64); c++) Assert.False(graph.Process(c, c, 20_000), $"locked at cycle {c}");
    }

    [Fact]
    public void Observe_HostBlockOfAnotherSize_NeverLocks()
    {
        var graph = new Graph(64);
        var lockOf = graph.Lock;
        for (int c = 0; c < Blocks(4, 64); c++)
            Assert.False(lockOf.Observe(HostStart + c * 32L, 32, graph.CycleStartNs(c) + 20_000, graph.Published(c)));
    }

    [Fact]
    public void Observe_HostPositionJumps_UnlocksAndLocksAgain()
    {
        var graph = new Graph(64);
        int c = 0;
        for (; c < Blocks(5, 64); c++) graph.Process(c, c, 20_000);
        Assert.True(graph.Lock.IsLocked);
        Assert.False(graph.Process(c + 1000, c, 20_000)); // the host located: its samples start over elsewhere
        bool locked = false;
        for (c++; c < Blocks(11, 64); c++) locked = graph.Process(c + 1000, c, 20_000);
        Assert.True(locked);
        Assert.Equal(graph.FrameOf(c - 1), graph.Lock.ServerFrameOf(HostStart + (c - 1 + 1000) * 64L));
        Assert.Equal(2, graph.Lock.Locks);
    }

    [Fact]
    public void Observe_NoServerTimeline_StaysUnlocked()
    {
        var lockOf = new SharedCycleLock();
        for (int c = 0; c < Blocks(4, 64); c++) Assert.False(lockOf.Observe(c * 64L, 64, FirstCycleNs + c * 1_333_333L, default));
    }
}
