using HapticShm.Plugin.Core.Connection;
using HapticShm.Plugin.Core.Processing;
using HapticShm.Plugin.Tests.Host;

namespace HapticShm.Plugin.Tests.Core;

/// <summary>A launched server that never answers (it died during its startup, or hangs before it
/// listens) does not leave the plugin disconnected for good: once the back-off has passed on the
/// launch clock (the test's own), the connection thread launches again and connects to that
/// server; before, it launches nothing more.</summary>
public sealed class RingConnectionRelaunchTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    // Several connection rounds (one per 100 ms while disconnected) in which nothing may happen.
    private static readonly TimeSpan QuietRounds = TimeSpan.FromMilliseconds(500);
    private readonly TempRuntimeDirectory _dir = new();
    private readonly PluginProcessor _processor = new();
    private FakeServer? _server;
    private long _nowNs;

    [Fact]
    public void FirstLaunchedServerNeverAnswers_LaunchesAgainAfterTheWaitAndConnectsToTheSecond()
    {
        int launches = 0;
        using var connection = new RingConnection(_processor, Path.Combine(_dir.Path, "server.sock"), () =>
        {
            // The first launch starts a server that dies before it listens; the second one works.
            if (Interlocked.Increment(ref launches) == 2) _server = new FakeServer(_dir.Path);
            return true;
        })
        { LaunchClockNs = () => Volatile.Read(ref _nowNs) };
        connection.Start();
        Assert.True(Wait.Until(() => Volatile.Read(ref launches) == 1, Deadline), "the first launch never came: " + connection.LastError);

        // The launched server has not answered, but it may still be starting: no second launch yet.
        Volatile.Write(ref _nowNs, ServerLaunchSchedule.FirstRetryNs - 1);
        Thread.Sleep(QuietRounds);
        Assert.Equal(1, Volatile.Read(ref launches));
        Assert.Null(_processor.Ring);

        Volatile.Write(ref _nowNs, ServerLaunchSchedule.FirstRetryNs);
        Assert.True(Wait.Until(() => _processor.Ring is not null, Deadline), "no relaunch and reconnect: " + connection.LastError);
        Assert.Equal(2, Volatile.Read(ref launches));
        Assert.Equal(1, connection.Connections);
        Assert.Null(connection.LastError);
    }

    [Fact]
    public void NoLaunchedServerEverAnswers_LaunchesFollowTheBackOffOnly()
    {
        int launches = 0;
        using var connection = new RingConnection(_processor, Path.Combine(_dir.Path, "nobody.sock"), () =>
        {
            Interlocked.Increment(ref launches);
            return true;
        })
        { LaunchClockNs = () => Volatile.Read(ref _nowNs) };
        connection.Start();
        Assert.True(Wait.Until(() => Volatile.Read(ref launches) == 1, Deadline), "the first launch never came: " + connection.LastError);

        // Launch n is due at the sum of the waits before it: 4 s, then 4 + 8 s, then 4 + 8 + 16 s.
        long dueNs = 0, waitNs = ServerLaunchSchedule.FirstRetryNs;
        for (int expected = 2; expected <= 4; expected++)
        {
            dueNs += waitNs;
            waitNs *= 2;
            Volatile.Write(ref _nowNs, dueNs - 1);
            Thread.Sleep(QuietRounds);
            Assert.Equal(expected - 1, Volatile.Read(ref launches));
            Volatile.Write(ref _nowNs, dueNs);
            Assert.True(Wait.Until(() => Volatile.Read(ref launches) == expected, Deadline), $"launch {expected} never came at {dueNs / 1e9:F0} s");
        }
        Thread.Sleep(QuietRounds);
        Assert.Equal(4, Volatile.Read(ref launches)); // one launch per due time, not one per round
        Assert.Null(_processor.Ring);
        output.WriteLine("launches at 0, 4, 12 and 28 s of the test's clock; none in between");
    }

    public void Dispose()
    {
        _processor.DetachRing();
        _processor.ReleaseRetiredRings();
        _server?.Dispose();
        _dir.Dispose();
    }
}
