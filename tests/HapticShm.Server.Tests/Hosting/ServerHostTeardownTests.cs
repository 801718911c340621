using HapticShm.Server.Backends;

namespace HapticShm.Server.Tests.Hosting;

/// <summary>One teardown, whatever failed: backend, then listener, then status block.</summary>
public sealed class ServerHostTeardownTests : IDisposable
{
    private readonly TempRuntimeDirectory _dir = new();

    private string StatusPath => Path.Combine(_dir.Path, "status.shm");
    private string SocketPath => Path.Combine(_dir.Path, "server.sock");

    [Fact]
    public void Run_UntilIdleExit_StopsTheRunningBackendBeforeRemovingSocketAndStatus()
    {
        var backend = new ScriptedBackend(_dir.Path);

        var (exitCode, error) = InProcessServer.Run(_dir.Path, backend, "--idle-exit", "0.3");

        Assert.True(exitCode == 0, $"exit {exitCode}: {error}");
        Assert.Equal(["open", "start", "stop", "dispose"], backend.Events);
        Assert.True(backend.CallbacksRanUntilStop, "the device was still calling back when told to stop");
        Assert.True(backend.StatusExistedAtStop, "the status block was removed before the backend stopped");
        Assert.True(backend.SocketExistedAtStop, "the socket was removed before the backend stopped");
        Assert.False(File.Exists(StatusPath));
        Assert.False(File.Exists(SocketPath));
    }

    [Fact]
    public void Run_WhenTheBackendFailsAfterItStartedCallingBack_StopsItFirstAndSaysWhyInOneLine()
    {
        var backend = new ScriptedBackend(_dir.Path) { FailOnStart = new AudioBackendException("cannot connect out_1 to system:playback_1") };

        var (exitCode, error) = InProcessServer.Run(_dir.Path, backend, "--idle-exit", "0");

        Assert.Equal(3, exitCode);
        Assert.Equal("hapticshm-server: cannot connect out_1 to system:playback_1", error.Trim());
        Assert.Equal(["open", "start", "stop", "dispose"], backend.Events);
        Assert.True(backend.CallbacksRanUntilStop);
        Assert.True(backend.StatusExistedAtStop, "the status block was unmapped under a running callback");
        Assert.True(backend.SocketExistedAtStop, "the listener closed before the backend stopped");
        Assert.False(File.Exists(StatusPath));
        Assert.False(File.Exists(SocketPath));
        Assert.Contains("audio backend: cannot connect out_1", File.ReadAllText(Path.Combine(_dir.Path, "server.log")), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_WhenTheSocketCannotBeBound_ExitsOneWithASentenceAndRemovesTheStatusBlock()
    {
        // A socket path longer than sun_path (108 bytes) cannot be bound: a long $XDG_RUNTIME_DIR does that.
        string deep = Path.Combine(_dir.Path, new string('d', 60), new string('e', 60));
        Directory.CreateDirectory(deep, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var backend = new ScriptedBackend(deep);

        var (exitCode, error) = InProcessServer.Run(deep, backend, "--idle-exit", "0");

        Assert.Equal(1, exitCode);
        Assert.Equal($"hapticshm-server: cannot listen on {Path.Combine(deep, "server.sock")}: the path is longer than the 107 bytes a Unix socket path may have; point HAPTICSHM_RUNTIME_DIR (or XDG_RUNTIME_DIR) at a shorter directory", error.Trim());
        Assert.Equal(["open", "stop", "dispose"], backend.Events); // never started
        Assert.False(File.Exists(Path.Combine(deep, "status.shm")));
    }

    public void Dispose() => _dir.Dispose();
}
