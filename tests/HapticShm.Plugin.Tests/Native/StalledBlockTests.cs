using System.Diagnostics;
using HapticShm.Plugin.Core.Connection;
using HapticShm.Plugin.Interop;
using HapticShm.Plugin.Tests.Host;
using HapticShm.Shared.Protocol;
using static HapticShm.Plugin.Tests.Host.Interop.Vst;
using Libc = HapticShm.Plugin.Tests.Host.Interop.Libc;

namespace HapticShm.Plugin.Tests.Native;

/// <summary>The host deactivates the plugin while its audio thread is stalled for 2 s inside
/// process(): setActive(false) returns at once, the ring stays mapped until the block ends, the
/// stalled block's writes land in it, and the mapping is released afterwards.</summary>
[Collection(NativeHostCollection.Name)]
public sealed unsafe class StalledBlockTests(NativeModule module, ITestOutputHelper output) : IDisposable
{
    private readonly TempRing _ring = new();

    [Fact]
    public void SetActiveFalse_WhileABlockIsStalledTwoSeconds_ReturnsAtOnceAndNeverUnmapsUnderTheBlock()
    {
        _ring.OfferToPlugin();
        using var plugin = new PluginInstance(module);
        plugin.Setup(48000, 64, ProcessData.kSample32);
        plugin.Start();
        Assert.Equal(2, ProcessMaps.CountOf(_ring.Path)); // ours (the server side) and the plugin's

        using var stalled = new ProcessCall(64, ProcessData.kSample32);
        stalled.Events.NoteOn(5, 0, 60, 0.8f, noteId: 42);
        stalled.Events.StallMs = 2000;
        int result = -1;
        var audio = new Thread(() => result = stalled.Run(plugin.Processor, out _)) { Name = "stalled host audio" };
        audio.Start();
        Assert.True(stalled.Events.Entered.Wait(5000), "process() never asked for its events");

        void* component = plugin.Component;
        long start = Stopwatch.GetTimestamp();
        Assert.Equal(VstResult.kResultOk, V<IComponentVtbl>(component)->setActive(component, 0));
        double deactivateMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        Assert.Equal(2, ProcessMaps.CountOf(_ring.Path)); // parked, not unmapped

        audio.Join();
        Assert.Equal(VstResult.kResultOk, result); // the host process is alive and the block completed
        List<Command> commands = _ring.Drain();
        Command noteOn = Assert.Single(commands, c => c.Kind == CommandKind.NoteOn);
        Assert.Equal(42, noteOn.NoteId);

        // The next activation releases the parked mapping before mapping the ring afresh.
        Assert.Equal(VstResult.kResultOk, V<IComponentVtbl>(component)->setActive(component, 1));
        Assert.Equal(2, ProcessMaps.CountOf(_ring.Path));
        Assert.Equal(VstResult.kResultOk, V<IComponentVtbl>(component)->setActive(component, 0));
        Assert.Equal(1, ProcessMaps.CountOf(_ring.Path));
        output.WriteLine($"setActive(false) during a 2 s stalled block: {deactivateMs:F2} ms");
        Assert.True(deactivateMs < 200, $"setActive(false) took {deactivateMs:F0} ms: it waited for the stalled block");
    }

    public void Dispose()
    {
        Libc.unsetenv(RingConnection.RingOverrideVariable);
        _ring.Dispose();
    }
}
