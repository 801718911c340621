using System.Diagnostics;
using HapticShm.Plugin.Interop;
using HapticShm.Plugin.Tests.Host;
using HapticShm.Plugin.Tests.Native;

namespace HapticShm.Plugin.Tests.RealServer;

/// <summary>The server the plugin launches exits during its startup without ever listening - here
/// because it finds the single-instance lock taken (held by the test, as by another server still
/// exiting) and says so in the log. The plugin does not stay disconnected: once the lock is free,
/// its next launch (4 s after the first) starts a server that it connects to.</summary>
[Collection(NativeHostCollection.Name)]
public sealed class LaunchRetryTests(PrivateBundle bundle, ITestOutputHelper output) : IDisposable
{
    private const string LostTheLock = "a server is already running for this user";

    [Fact]
    public void LaunchedServerExitsWhileStarting_ThePluginLaunchesAgainAndConnects()
    {
        bundle.UseEnvironment();
        bundle.KillServers();
        int lostBefore = CountInLog(LostTheLock);
        FileStream held = HoldServerLock();
        using var plugin = new PluginInstance(bundle.Module);
        try
        {
            plugin.Setup(48000, 64, ProcessData.kSample32);
            var clock = Stopwatch.StartNew();
            plugin.Start();
            Wait.Until(() => CountInLog(LostTheLock) > lostBefore, "the launched server found the lock taken and exited", 10);
            TimeSpan firstExited = clock.Elapsed;
            Wait.Until(() => bundle.ServerPids().Count == 0, "the server that lost the lock is gone", 5);
            held.Dispose(); // the "other server" is gone now

            var connected = bundle.WaitStatus(b => PrivateBundle.OurClients(b).Count == 1, "the plugin launched again and connected", 15);
            TimeSpan recovered = clock.Elapsed;
            output.WriteLine($"first launch exited at {firstExited.TotalMilliseconds:F0} ms; connected to server {connected.ServerPid} at {recovered.TotalMilliseconds:F0} ms (next launch due 4000 ms after the first)");
            Assert.Contains(connected.ServerPid, bundle.ServerPids());
            Assert.Equal(lostBefore + 1, CountInLog(LostTheLock)); // the retry came once, after its wait: no launch per poll
            plugin.Stop();
        }
        finally
        {
            held.Dispose();
        }
    }

    // A server launched by an instance of an earlier test that was still stopping can take the
    // lock between KillServers and here (seen once in a clean run): kill it and take the lock.
    private FileStream HoldServerLock()
    {
        string path = Path.Combine(bundle.RuntimeDirectory, "server.lock");
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
        FileStream? held = null;
        bool taken = HapticShm.Testing.Wait.Until(() =>
        {
            try
            {
                held = new FileStream(path, options);
                return true;
            }
            catch (IOException)
            {
                bundle.KillServers();
                return false;
            }
        }, TimeSpan.FromSeconds(10));
        Assert.True(taken, "the server lock stayed taken for 10 s with every server of the bundle killed");
        return held!;
    }

    private int CountInLog(string text)
    {
        string log = bundle.ServerLog();
        int count = 0;
        for (int at = log.IndexOf(text, StringComparison.Ordinal); at >= 0; at = log.IndexOf(text, at + text.Length, StringComparison.Ordinal)) count++;
        return count;
    }

    public void Dispose() => bundle.KillServers();
}
