using System.Diagnostics;
using HapticShm.Testing;
using HapticShm.Plugin.Tests.Host;
using HapticShm.Plugin.Tests.Native;
using HapticShm.Shared.Status;
using Libc = HapticShm.Plugin.Tests.Host.Interop.Libc;

namespace HapticShm.Plugin.Tests.RealServer;

/// <summary>The server the plugin launched hangs (SIGSTOP) while notes are held: its socket stays
/// open, but its status heartbeat stops. The plugin kills exactly that pid, launches a fresh
/// server, reconnects and the held notes sound again; the killed server is reaped.</summary>
[Collection(NativeHostCollection.Name)]
public sealed class HungServerTests(PrivateBundle bundle, ITestOutputHelper output) : IDisposable
{
    private int _stopped;

    [Fact]
    public unsafe void SigStop_WhileNotesHeld_KillsThatServerRelaunchesAndTheNotesSoundAgain()
    {
        using PluginInstance plugin = bundle.ActivateWithLaunchedServer(HostAudioThread.BlockSize, out _);
        int hung = Assert.Single(bundle.ServerPids());
        Assert.Equal(Environment.ProcessId, ProcState.ParentPid(hung)); // spawned by the host, so the host must reap it

        using var audio = new HostAudioThread(plugin.Processor);
        audio.Start();
        int held = HostAudioThread.HeldPitches.Length;
        bundle.WaitStatus(b => b.ServerPid == hung && b.ActiveVoices >= held, "the held notes sound");
        Thread.Sleep(300);

        var clock = Stopwatch.StartNew();
        Assert.Equal(0, Libc.kill(hung, Libc.SIGSTOP));
        _stopped = hung;
        int fresh = 0;
        Wait.Until(() => (fresh = bundle.ServerPids().FirstOrDefault(pid => pid != hung)) != 0, "the plugin launched a fresh server", 10);
        TimeSpan relaunched = clock.Elapsed;
        // Any server but the hung one, not necessarily the first one seen: should that one die
        // while it starts (or lose the lock to the hung one still exiting), the plugin launches again.
        StatusBlock after = bundle.WaitStatus(b => b.ServerPid != hung && PrivateBundle.OurClients(b).Count == 1 && b.NotesPlayed >= held && b.ActiveVoices >= held,
            "a new server counts the held notes again", 10);
        TimeSpan recovered = clock.Elapsed;
        Assert.Contains(after.ServerPid, bundle.ServerPids()); // launched from this bundle, and alive
        Wait.Until(() => ProcState.State(hung) is null, "the stopped server was killed and reaped (no zombie left)", 10);
        TimeSpan reaped = clock.Elapsed;
        _stopped = 0;
        audio.Stop();
        plugin.Stop();

        output.WriteLine($"SIGSTOP -> fresh server process {fresh}: {relaunched.TotalMilliseconds:F0} ms (serving: {after.ServerPid}); -> held notes counted by it: {recovered.TotalMilliseconds:F0} ms (target 2000 ms); -> stopped server gone and reaped: {reaped.TotalMilliseconds:F0} ms");
        output.WriteLine($"process() with events:    {audio.WithEvents.Summary()}");
        Assert.NotEqual(hung, fresh);
        Assert.NotEqual(hung, after.ServerPid);
        Assert.True(recovered < TimeSpan.FromSeconds(10), $"recovered {recovered.TotalMilliseconds:F0} ms after the SIGSTOP");
        Assert.Equal(0, audio.Failures);
        Assert.Equal(0, after.Rejected);
    }

    public void Dispose()
    {
        // Only if it is still this bundle's server (a reaped pid may belong to anyone now).
        if (_stopped != 0 && bundle.ServerPids().Contains(_stopped))
        {
            Libc.kill(_stopped, Libc.SIGKILL);
            Libc.kill(_stopped, Libc.SIGCONT);
        }
        bundle.KillServers();
    }
}
