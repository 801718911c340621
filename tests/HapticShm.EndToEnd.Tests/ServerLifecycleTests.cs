using System.Net.Sockets;
using HapticShm.Shared.Handshake;
using HapticShm.Shared.Protocol;

namespace HapticShm.EndToEnd.Tests;

/// <summary>The server process with the null backend: handshake, lifetime, files.</summary>
public sealed class ServerLifecycleTests : IDisposable
{
    private readonly TempRuntimeDirectory _dir = new();

    [Fact]
    public void Connect_WelcomesWithAnOwnerOnlyRingThatIsRemovedWhenTheClientLeaves()
    {
        using var server = ServerProcess.Start(_dir.Path, "--backend", "null", "--idle-exit", "0");
        string ringPath;
        using (ServerSession session = HandshakeClient.Connect("lifecycle test", server.SocketPath))
        {
            Assert.Equal(server.Pid, session.ServerPid);
            Assert.Equal(48000, session.SampleRate);
            Assert.Equal(64, session.BlockSize);
            Assert.Equal(32, session.ChannelCount);
            Assert.True(session.FixedLatencyNs > 2 * 64 * 1e9 / 48000, $"latency {session.FixedLatencyNs} ns");
            ringPath = session.Ring.Path;
            Assert.StartsWith(_dir.Path, ringPath, StringComparison.Ordinal);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(ringPath));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(server.SocketPath));
            Assert.True(session.Ring.Producer.TryPush(Command.Param(ParamId.WaveSpeed, 150, 0)));
            Wait.Until(() => session.Ring.ReadCounters().Popped == 1, "the server pops the command");
            Wait.Until(() => session.ServerHeartbeatAgeNs < 50_000_000, "the server stamps its heartbeat");
        }
        Wait.Until(() => !File.Exists(ringPath), "the ring file is removed after the client leaves");
    }

    [Fact]
    public void Hello_WithAnotherProtocolVersion_IsRejectedWithASentence()
    {
        using var server = ServerProcess.Start(_dir.Path, "--backend", "null", "--idle-exit", "0");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Connect(new UnixDomainSocketEndPoint(server.SocketPath));
        var hello = HandshakeFrame.Hello("old plugin");
        hello.Version = HandshakeFrame.ProtocolVersion + 1;
        HandshakeWire.Send(socket, hello);
        Assert.True(HandshakeWire.TryReceive(socket, new byte[HandshakeFrame.Size], 5000, out HandshakeFrame answer));
        Assert.Equal(HandshakeMessageType.Reject, answer.Type);
        Assert.Equal(RejectCode.VersionMismatch, answer.Code);
        Assert.Equal($"client speaks protocol {HandshakeFrame.ProtocolVersion + 1}, server speaks {HandshakeFrame.ProtocolVersion}: update the plugin or the server so that both are the same release", answer.TextValue);
    }

    [Fact]
    public void SecondServer_ExitsZeroWithAMessageAndTheFirstKeepsServing()
    {
        using var first = ServerProcess.Start(_dir.Path, "--backend", "null", "--idle-exit", "0");
        using var second = ServerProcess.Launch(_dir.Path, "--backend", "null", "--idle-exit", "0");
        Assert.True(second.WaitForExit(TimeSpan.FromSeconds(20)));
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("already running", second.StandardError(), StringComparison.Ordinal);
        using ServerSession session = HandshakeClient.Connect("after the race", first.SocketPath);
        Assert.Equal(first.Pid, session.ServerPid);
    }

    [Fact]
    public void StaleSocketFile_FromADeadServer_IsReplaced()
    {
        using (var stale = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
            stale.Bind(new UnixDomainSocketEndPoint(Path.Combine(_dir.Path, "server.sock"))); // bound, never listening: what a kill -9 leaves
        using var server = ServerProcess.Start(_dir.Path, "--backend", "null", "--idle-exit", "0");
        using ServerSession session = HandshakeClient.Connect("after a stale socket", server.SocketPath);
        Assert.Equal(server.Pid, session.ServerPid);
    }

    [Fact]
    public void Sigterm_ExitsZeroAndRemovesSocketStatusAndRings()
    {
        var server = ServerProcess.Start(_dir.Path, "--backend", "null", "--idle-exit", "0");
        using ServerSession session = HandshakeClient.Connect("sigterm test", server.SocketPath);
        string ring = session.Ring.Path;
        server.Terminate();
        Assert.True(server.WaitForExit(TimeSpan.FromSeconds(10)), "server did not exit on SIGTERM");
        Assert.Equal(0, server.ExitCode);
        Assert.False(File.Exists(server.SocketPath));
        Assert.False(File.Exists(server.StatusPath));
        Assert.False(File.Exists(ring));
        Assert.Contains("stopped after", server.Log(), StringComparison.Ordinal);
        server.Dispose();
    }

    [Fact]
    public void IdleExit_ServerLeavesOnItsOwnAfterTheLastClient()
    {
        using var server = ServerProcess.Start(_dir.Path, "--backend", "null", "--idle-exit", "1");
        using (HandshakeClient.Connect("idle test", server.SocketPath))
            Thread.Sleep(1500); // longer than the idle time: a connected client keeps it alive
        Assert.False(server.HasExited, "the server left while a client was connected");
        Assert.True(server.WaitForExit(TimeSpan.FromSeconds(10)), "the idle server did not exit");
        Assert.Equal(0, server.ExitCode);
        Assert.Contains("no client for 1 s: exiting", server.Log(), StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownBackend_ExitsWithAClearError()
    {
        using var server = ServerProcess.Launch(_dir.Path, "--backend", "coreaudio");
        Assert.True(server.WaitForExit(TimeSpan.FromSeconds(20)));
        Assert.Equal(2, server.ExitCode);
        Assert.Contains("unknown backend 'coreaudio'", server.StandardError(), StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();
}
