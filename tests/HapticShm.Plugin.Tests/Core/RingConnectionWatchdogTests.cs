using System.Diagnostics;
using HapticShm.Plugin.Core.Connection;
using HapticShm.Plugin.Core.Processing;
using HapticShm.Plugin.Tests.Host;

namespace HapticShm.Plugin.Tests.Core;

/// <summary>The connection watches the server's status heartbeat: a server whose heartbeat stops
/// while its socket stays open is hung; the connection kills exactly the pid of its Welcome (when
/// that may be killed), drops the session and reconnects. Watching allocates nothing.</summary>
public sealed class RingConnectionWatchdogTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly TempRuntimeDirectory _dir = new();
    private readonly PluginProcessor _processor = new();
    private readonly List<Process> _children = [];

    [Fact]
    public void HeartbeatStalls_KillsTheWelcomedPidOnlyAndReconnects()
    {
        using Process hungServer = StartChild();
        using Process nextServer = StartChild();
        using Process bystander = StartChild();
        using var server = new FakeServer(_dir.Path) { ServerPid = hungServer.Id };
        using var status = new FakeStatus(_dir.Path, hungServer.Id);
        using var connection = new RingConnection(_processor, server.SocketPath);
        connection.Start();
        Assert.True(Wait.Until(() => _processor.Ring is not null, Deadline), "no ring attached: " + connection.LastError);
        Thread.Sleep(500); // healthy: no verdict
        Assert.Equal(0, connection.HungServersKilled);

        var clock = Stopwatch.StartNew();
        status.Frozen = true;
        Assert.True(hungServer.WaitForExit(5000), "the hung server's pid was not killed");
        double killedMs = clock.Elapsed.TotalMilliseconds;
        // The next server: the same socket (FakeServer), another pid, publishing again.
        server.ServerPid = nextServer.Id;
        status.ServerPid = nextServer.Id;
        status.Frozen = false;
        Assert.True(Wait.Until(() => connection.Connections == 2 && _processor.Ring is not null, Deadline), "no reconnect: " + connection.LastError);
        output.WriteLine($"heartbeat frozen -> hung pid killed after {killedMs:F0} ms (timeout {RingConnection.HangTimeout.TotalMilliseconds} ms, poll {RingConnection.PollInterval.TotalMilliseconds} ms)");

        Assert.Equal(1, connection.HungServersKilled);
        Assert.Equal(137, ExitCodeOf(hungServer)); // SIGKILL
        Thread.Sleep(500);
        Assert.False(nextServer.HasExited, "the healthy next server was killed");
        Assert.False(bystander.HasExited, "a process that was never the server was killed");
        Assert.True(killedMs >= RingConnection.HangTimeout.TotalMilliseconds - 20, $"killed after {killedMs:F0} ms: before the heartbeat had stalled for the timeout");
    }

    [Fact]
    public void HeartbeatStalls_WelcomeNamesOurOwnPid_NeverKillsItAndReconnects()
    {
        using var server = new FakeServer(_dir.Path); // its Welcome names this (host) process
        using var status = new FakeStatus(_dir.Path, Environment.ProcessId);
        using var connection = new RingConnection(_processor, server.SocketPath);
        connection.Start();
        Assert.True(Wait.Until(() => _processor.Ring is not null, Deadline), "no ring attached: " + connection.LastError);
        status.Frozen = true;
        Assert.True(Wait.Until(() => connection.Connections >= 2, Deadline), "a hung session was kept: " + connection.LastError);
        Assert.Equal(0, connection.HungServersKilled);
    }

    [Fact]
    public void Watching_AHealthySession_AllocatesNothingOnTheConnectionThread()
    {
        using var server = new FakeServer(_dir.Path);
        using var status = new FakeStatus(_dir.Path, Environment.ProcessId);
        using var connection = new RingConnection(_processor, server.SocketPath);
        connection.Start();
        Assert.True(Wait.Until(() => _processor.Ring is not null, Deadline), "no ring attached: " + connection.LastError);
        Thread.Sleep(1500); // ~30 rounds: socket poll, heartbeat read, reaper hook
        Assert.Equal(1, connection.Connections);
        output.WriteLine($"connection thread allocated {connection.WatchAllocatedBytes} bytes over ~1.5 s of watching");
        Assert.Equal(0, connection.WatchAllocatedBytes);
    }

    private Process StartChild()
    {
        var process = Process.Start(new ProcessStartInfo("sleep", "60") { UseShellExecute = false })!;
        _children.Add(process);
        return process;
    }

    private static int ExitCodeOf(Process process)
    {
        process.WaitForExit();
        return process.ExitCode;
    }

    public void Dispose()
    {
        foreach (Process child in _children)
        {
            try { child.Kill(); }
            catch (InvalidOperationException) { }
        }
        _processor.ReleaseRetiredRings();
        _dir.Dispose();
    }
}
