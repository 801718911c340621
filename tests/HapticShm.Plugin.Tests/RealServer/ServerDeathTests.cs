using System.Diagnostics;
using HapticShm.Plugin.Tests.Host;
using HapticShm.Plugin.Tests.Native;
using HapticShm.Shared.Status;

namespace HapticShm.Plugin.Tests.RealServer;

/// <summary>The server the plugin launched dies (kill -9) while notes are held: the plugin
/// launches another, reconnects and re-sends the held notes, and no process() call waits.</summary>
[Collection(NativeHostCollection.Name)]
public sealed class ServerDeathTests(PrivateBundle bundle, ITestOutputHelper output) : IDisposable
{
    // Far below a blocking connect or launch (tens to hundreds of ms), far above scheduler noise.
    private const double ProcessBoundMs = 5;

    [Fact]
    public unsafe void KillNine_WhileNotesHeld_RelaunchesReconnectsResoundsAndProcessNeverWaits()
    {
        using PluginInstance plugin = bundle.ActivateWithLaunchedServer(HostAudioThread.BlockSize, out _);
        int firstServer = Assert.Single(bundle.ServerPids());

        using var audio = new HostAudioThread(plugin.Processor);
        audio.Start();
        int held = HostAudioThread.HeldPitches.Length;
        bundle.WaitStatus(b => b.ServerPid == firstServer && b.ActiveVoices >= held, "the held notes sound");
        Thread.Sleep(500); // a stretch of normal blocks to compare with

        var clock = Stopwatch.StartNew();
        Signals.Kill(firstServer);
        int secondServer = 0;
        while (secondServer == 0 && clock.Elapsed < TimeSpan.FromSeconds(5))
        {
            secondServer = bundle.ServerPids().FirstOrDefault(pid => pid != firstServer);
            if (secondServer == 0) Thread.Sleep(1);
        }
        TimeSpan relaunched = clock.Elapsed;
        Assert.True(secondServer != 0, "the plugin launched no new server within 5 s of the kill");
        bundle.WaitStatus(b => b.ServerPid == secondServer && PrivateBundle.OurClients(b).Count == 1, "the plugin reconnects to the new server", 5);
        TimeSpan reconnected = clock.Elapsed;
        StatusBlock after = bundle.WaitStatus(b => b.ServerPid == secondServer && b.ActiveVoices >= held && PrivateBundle.OurClients(b)[0].Popped > 0,
            "the held notes sound again on the new server", 5);
        TimeSpan resounded = clock.Elapsed;
        Thread.Sleep(500); // and after the reconnect
        audio.Stop();
        plugin.Stop();

        output.WriteLine($"kill -9 -> new server process: {relaunched.TotalMilliseconds:F0} ms; -> session on it: {reconnected.TotalMilliseconds:F0} ms; -> held notes sounding: {resounded.TotalMilliseconds:F0} ms");
        output.WriteLine($"process() with events:    {audio.WithEvents.Summary()}");
        output.WriteLine($"process() without events: {audio.WithoutEvents.Summary()}");
        // The server is only launched once the plugin noticed the death, so this bounds the noticing.
        Assert.True(relaunched < TimeSpan.FromMilliseconds(250), $"new server {relaunched.TotalMilliseconds:F0} ms after the kill (the death was noticed later than 250 ms)");
        // DESIGN's "playing again within 1 s" is the machine's figure: printed above, and by `chaos`
        // (under 0.2 s when the cores are free). Beside a CPU hog the fresh server can be slow to
        // answer its first handshake, which then times out (1 s) and is retried: one such retry is
        // the behaviour this bounds (the plugin keeps trying on its own), not the scheduler's delay.
        Assert.True(reconnected < TimeSpan.FromSeconds(3), $"reconnected {reconnected.TotalMilliseconds:F0} ms after the kill");
        Assert.Equal(0, audio.Failures);
        Assert.True(audio.WithEvents.Count > 100 && audio.WithoutEvents.Count > 100, "too few process() calls to judge");
        Assert.True(audio.WithEvents.MaxMs < ProcessBoundMs, $"a process() call with events took {audio.WithEvents.MaxMs:F2} ms");
        Assert.True(audio.WithoutEvents.MaxMs < ProcessBoundMs, $"a process() call without events took {audio.WithoutEvents.MaxMs:F2} ms");
        Assert.Equal(0, after.Rejected);
    }

    public void Dispose() => bundle.KillServers();
}
