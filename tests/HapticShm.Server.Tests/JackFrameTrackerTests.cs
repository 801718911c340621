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
    public void Next_SameOffsetTwice_AdoptsTheJump()
    {
        var tracker = new JackFrameTracker();
        tracker.Next(0, 64, out _);

        Assert.Equal(64u, tracker.Next(192, 64, out bool firstTrusted));
        Assert.Equal(256u, tracker.Next(256, 64, out bool secondTrusted));
        Assert.Equal((false, true, 1L), (firstTrusted, secondTrusted, tracker.Jumps));
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
