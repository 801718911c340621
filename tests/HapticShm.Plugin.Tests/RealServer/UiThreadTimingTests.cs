using System.Diagnostics;
using HapticShm.Plugin.Interop;
using HapticShm.Plugin.Tests.Host;
using HapticShm.Plugin.Tests.Native;
using static HapticShm.Plugin.Tests.Host.Interop.Vst;
using Libc = HapticShm.Plugin.Tests.Host.Interop.Libc;

namespace HapticShm.Plugin.Tests.RealServer;

/// <summary>setActive and terminate, host UI-thread calls, return at once while the server is
/// stopped (SIGSTOP) and the connection thread sits in a handshake with it, kills it, or
/// launches the next one.</summary>
[Collection(NativeHostCollection.Name)]
public sealed class UiThreadTimingTests(PrivateBundle bundle, ITestOutputHelper output) : IDisposable
{
    // The UI budget is 50 ms; the assertion allows a loaded 2-core VM's scheduling noise and
    // still fails on any join of a connect (1 s) or a launch.
    private const double BoundMs = 200;
    private readonly HashSet<int> _stopped = [];

    [Fact]
    public unsafe void SetActiveAndTerminate_WhileTheServerIsStopped_ReturnWithoutWaiting()
    {
        bundle.UseEnvironment();
        bundle.KillServers();
        var random = new Random(11);
        var deactivate = new List<double>();
        var activate = new List<double>();
        var plugin = new PluginInstance(bundle.Module);
        plugin.Setup(48000, 64, ProcessData.kSample32);
        plugin.Start();
        bundle.WaitStatus(b => PrivateBundle.OurClients(b).Count == 1, "the plugin launched a server and connected");
        void* component = plugin.Component;

        for (int round = 0; round < 12; round++)
        {
            foreach (int pid in bundle.ServerPids())
            {
                if (_stopped.Add(pid)) Assert.Equal(0, Libc.kill(pid, Libc.SIGSTOP));
            }
            Thread.Sleep(random.Next(0, 600)); // catch the thread in a handshake, a kill or a launch
            deactivate.Add(Timed(() => V<IComponentVtbl>(component)->setActive(component, 0)));
            Thread.Sleep(random.Next(0, 50));
            activate.Add(Timed(() => V<IComponentVtbl>(component)->setActive(component, 1)));
        }
        Thread.Sleep(random.Next(0, 600));
        double terminate = Timed(() => V<IComponentVtbl>(component)->terminate(component));

        output.WriteLine($"setActive(false): {Distribution(deactivate)}");
        output.WriteLine($"setActive(true):  {Distribution(activate)}");
        output.WriteLine($"terminate:        {terminate:F2} ms");
        plugin.Dispose();
        Assert.True(deactivate.Max() < BoundMs, $"setActive(false) took {deactivate.Max():F1} ms");
        Assert.True(activate.Max() < BoundMs, $"setActive(true) took {activate.Max():F1} ms");
        Assert.True(terminate < BoundMs, $"terminate took {terminate:F1} ms");
    }

    private static double Timed(Func<int> call)
    {
        long start = Stopwatch.GetTimestamp();
        Assert.Equal(VstResult.kResultOk, call());
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    private static string Distribution(List<double> values)
    {
        double[] sorted = [.. values.Order()];
        return $"n {sorted.Length}, min {sorted[0]:F2} ms, median {sorted[sorted.Length / 2]:F2} ms, p90 {sorted[(int)(sorted.Length * 0.9)]:F2} ms, max {sorted[^1]:F2} ms";
    }

    public void Dispose()
    {
        // Only pids that are still this bundle's servers (a reaped pid may belong to anyone now).
        foreach (int pid in bundle.ServerPids().Where(_stopped.Contains))
        {
            Libc.kill(pid, Libc.SIGKILL);
            Libc.kill(pid, Libc.SIGCONT);
        }
        bundle.KillServers();
    }
}
