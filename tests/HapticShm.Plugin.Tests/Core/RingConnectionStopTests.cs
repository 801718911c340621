using System.Diagnostics;
using HapticShm.Plugin.Core.Connection;
using HapticShm.Plugin.Core.Processing;
using HapticShm.Plugin.Tests.Host;

namespace HapticShm.Plugin.Tests.Core;

/// <summary>Stop (setActive(false) / terminate on the host's UI thread) never waits for the
/// connection thread, whatever it is doing; a stopped thread never attaches a ring again; a new
/// Start while the old thread winds down works.</summary>
public sealed class RingConnectionStopTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    // The UI budget is 50 ms; the bound is generous for a loaded 2-core VM and still far below
    // the seconds a join on a launch or a connect would take.
    private const double StopBoundMs = 200;
    private readonly TempRuntimeDirectory _dir = new();
    private readonly PluginProcessor _processor = new();

    [Fact]
    public void Stop_WhileALaunchIsUnderWay_ReturnsWithoutWaitingForIt()
    {
        const int Rounds = 20;
        var stopMs = new List<double>();
        int launchesFinished = 0;
        for (int i = 0; i < Rounds; i++)
        {
            using var launching = new ManualResetEventSlim();
            var connection = new RingConnection(_processor, Path.Combine(_dir.Path, "nobody.sock"), () =>
            {
                launching.Set();
                Thread.Sleep(3000); // a launch that takes its time (a slow disk, a busy machine)
                Interlocked.Increment(ref launchesFinished);
                return true;
            });
            connection.Start();
            Assert.True(launching.Wait(Deadline), "the launcher was never called: " + connection.LastError);
            long start = Stopwatch.GetTimestamp();
            connection.Stop();
            stopMs.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            Assert.False(connection.IsStarted);
        }
        Assert.Equal(0, Volatile.Read(ref launchesFinished)); // every Stop returned while its launch was still under way
        output.WriteLine($"Stop during a 3 s launch, {Rounds} rounds: {Distribution(stopMs)}");
        Assert.True(stopMs.Max() < StopBoundMs, $"a Stop took {stopMs.Max():F1} ms: it waited for the connection thread");
    }

    [Fact]
    public void Stop_WhileTheThreadWaitsForAWelcome_ReturnsAtOnceAndThatSessionIsNeverAttached()
    {
        using var server = new FakeServer(_dir.Path) { WelcomeDelay = TimeSpan.FromMilliseconds(800) };
        var connection = new RingConnection(_processor, server.SocketPath);
        connection.Start();
        Thread.Sleep(200); // the thread is inside the handshake now
        long start = Stopwatch.GetTimestamp();
        connection.Stop();
        double stopMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;

        Assert.True(Wait.Until(() => server.Sessions == 1, Deadline), "the server never answered");
        Assert.True(Wait.Until(() => server.ClosedByClient == 1, Deadline), "the stopped thread kept the late session open");
        Assert.Null(_processor.Ring);
        Assert.Equal(0, connection.Connections);
        output.WriteLine($"Stop during a handshake: {stopMs:F2} ms");
        Assert.True(stopMs < StopBoundMs, $"Stop took {stopMs:F1} ms");
    }

    [Fact]
    public void Start_WhileTheStoppedThreadStillWindsDown_ConnectsAndTheOldThreadLeavesItsRingAlone()
    {
        using var server = new FakeServer(_dir.Path) { WelcomeDelay = TimeSpan.FromMilliseconds(600) };
        var connection = new RingConnection(_processor, server.SocketPath);
        connection.Start();
        Thread.Sleep(100);
        connection.Stop(); // the old thread is still in its handshake
        server.WelcomeDelay = TimeSpan.Zero;
        connection.Start();

        Assert.True(Wait.Until(() => _processor.Ring is not null, Deadline), "the new activation attached no ring: " + connection.LastError);
        var attached = _processor.Ring;
        Thread.Sleep(1000); // the old thread's late Welcome arrives and it winds down
        Assert.Same(attached, _processor.Ring);
        Assert.Equal(1, connection.Connections);
        Assert.Equal(2, server.Sessions);
        Assert.Equal(1, server.ClosedByClient); // the old thread's session only

        connection.Stop();
        Assert.Null(_processor.Ring);
        Assert.True(Wait.Until(() => server.ClosedByClient == 2, Deadline), "the second session was not closed after Stop");
    }

    private static string Distribution(List<double> values)
    {
        double[] sorted = [.. values.Order()];
        return $"min {sorted[0]:F2} ms, median {sorted[sorted.Length / 2]:F2} ms, p90 {sorted[(int)(sorted.Length * 0.9)]:F2} ms, max {sorted[^1]:F2} ms";
    }

    public void Dispose()
    {
        _processor.DetachRing();
        _processor.ReleaseRetiredRings();
        _dir.Dispose();
    }
}
