using HapticShm.Plugin.Core.Connection;

namespace HapticShm.Plugin.Tests.Core;

/// <summary>The launch back-off on its own: at once, then 4, 8, 16, 30, 30 s apart while no
/// server answers; an answer starts it over.</summary>
public sealed class ServerLaunchScheduleTests
{
    private const long Second = 1_000_000_000;

    [Fact]
    public void NoServerAnswers_LaunchesAtOnceThenBacksOffToTheCap()
    {
        var schedule = new ServerLaunchSchedule();
        long start = 1_000 * Second;
        Assert.True(schedule.IsDue(start));

        var launches = new List<long>();
        for (long now = start; now <= start + 120 * Second; now += Second / 10)
        {
            if (!schedule.IsDue(now)) continue;
            launches.Add((now - start) / (Second / 10));
            schedule.Launched(now);
        }

        // In tenths of a second after the first launch: waits of 4, 8, 16, 30, 30, 30 s.
        Assert.Equal([0, 40, 120, 280, 580, 880, 1180], launches);
    }

    [Fact]
    public void LaunchedServerNotAnsweredYet_NoSecondLaunchBeforeTheFirstWait()
    {
        var schedule = new ServerLaunchSchedule();
        schedule.Launched(0);
        Assert.False(schedule.IsDue(ServerLaunchSchedule.FirstRetryNs - 1));
        Assert.True(schedule.IsDue(ServerLaunchSchedule.FirstRetryNs));
    }

    [Fact]
    public void AServerAnswered_TheNextOutageLaunchesAtOnceAndBacksOffFromTheStart()
    {
        var schedule = new ServerLaunchSchedule();
        schedule.Launched(0);
        schedule.Launched(4 * Second);
        schedule.Launched(12 * Second); // waits now at 16 s
        Assert.False(schedule.IsDue(13 * Second));

        schedule.Reset();

        Assert.True(schedule.IsDue(13 * Second));
        schedule.Launched(13 * Second);
        Assert.False(schedule.IsDue(13 * Second + ServerLaunchSchedule.FirstRetryNs - 1));
        Assert.True(schedule.IsDue(13 * Second + ServerLaunchSchedule.FirstRetryNs));
    }
}
