using HapticShm.Jack;

namespace HapticShm.Server.Tests;

public sealed class JackFrameTrackerTests
{
    [Fact]
    public void Next_ConsistentReports_ReturnsThemTrusted()
    {
        var tracker = new JackFrameTracker();
        for (uint b = 0; b < 10; b++)
        {
            Assert.Equal(b * 64, tracker.Next(b * 64, 64, out bool trusted));
            Assert.True(trusted);
        }
    }

    [Fact]
    public void Next_OneStaleReport_IsReplacedByTheExpectedFrame()
    {
        var tracker = new JackFrameTracker();
        tracker.Next(0, 64, out _);
        tracker.Next(64, 64, out _);

        uint frame = tracker.Next(64, 64, out bool trusted); // the previous cycle's timing again

        Assert.Equal((128u, false), (frame, trusted));
        Assert.Equal(192u, tracker.Next(192, 64, out bool nextTrusted));
        Assert.True(nextTrusted);
        Assert.Equal(0, tracker.Jumps);
    }

    [Fact]
    public void Next_SameOffsetThreeTimes_AdoptsTheJump()
    {
        var tracker = new JackFrameTracker();
        tracker.Next(0, 64, out _);

        Assert.Equal(64u, tracker.Next(192, 64, out bool firstTrusted));
        Assert.Equal(128u, tracker.Next(256, 64, out bool secondTrusted));
        Assert.Equal(320u, tracker.Next(320, 64, out bool thirdTrusted));
        Assert.Equal((false, false, true, 1L), (firstTrusted, secondTrusted, thirdTrusted, tracker.Jumps));
    }

    [Theory]
    [InlineData(64)] // a late client reads the next cycle's frame twice in a row
    [InlineData(-64)] // or the previous cycle's
    public void Next_NeighbourReportTwiceInARow_LabelsEveryCycleOnce(int neighbour)
    {
        var tracker = new JackFrameTracker();
        uint previous = tracker.Next(0, 64, out _);
        for (uint b = 1; b < 20; b++)
        {
            uint reported = b is 5 or 6 ? (uint)(b * 64 + neighbour) : b * 64;
            uint frame = tracker.Next(reported, 64, out _);
            Assert.Equal(previous + 64, frame);
            previous = frame;
        }
        Assert.Equal(0, tracker.Jumps);
    }

    [Fact]
    public void Next_CounterWraps_StaysConsistent()
    {
        var tracker = new JackFrameTracker();
        uint frame = uint.MaxValue - 63;
        tracker.Next(frame, 64, out _);

        Assert.Equal(0u, tracker.Next(0, 64, out bool trusted));
        Assert.True(trusted);
    }
}
