using HapticShm.Shared.Status;

namespace HapticShm.Shared.Tests;

/// <summary>The clock report a client publishes: one word that round-trips, and the one line
/// the editor and <c>hapticshm status</c> print.</summary>
public sealed class ClockSourceStatusTests
{
    public static TheoryData<ClockSourceStatus, string> Lines => new()
    {
        { default, "not reported" },
        { new(ClockSource.OwnFit), "own fit (host gives no clock)" },
        { new(ClockSource.Checking), "own fit (checking the host clock)" },
        { new(ClockSource.HostClock), "host clock" },
        { new(ClockSource.HostClockRejected, HostClockFault.WrongRate, 0.001f), "own fit (host clock rejected: runs at 0.001x)" },
        { new(ClockSource.HostClockRejected, HostClockFault.RunsBackwards, -2.5f), "own fit (host clock rejected: ran back 2.5 ms)" },
        { new(ClockSource.HostClockRejected, HostClockFault.StandsStill), "own fit (host clock rejected: stands still)" },
        { new(ClockSource.HostClockRejected, HostClockFault.Jumped, 200f), "own fit (host clock rejected: jumped +200 ms)" },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void Format_SaysTheSourceAndWhyInOneLine(ClockSourceStatus status, string line)
    {
        Assert.Equal(line, status.ToString());
        Assert.Equal(status, ClockSourceStatus.Unpack(status.Pack()));
    }

    [Fact]
    public void Unpack_OfAnUnwrittenWord_IsNotReported() => Assert.Equal(ClockSource.Unknown, ClockSourceStatus.Unpack(0).Source);
}
