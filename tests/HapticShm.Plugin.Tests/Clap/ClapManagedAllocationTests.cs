using HapticShm.Plugin.Clap;
using HapticShm.Plugin.Clap.Interop;
using HapticShm.Plugin.Core.Parameters;
using HapticShm.Plugin.Tests.Host;
using HapticShm.Plugin.Tests.Native;
using HapticShm.Shared.Protocol;

namespace HapticShm.Plugin.Tests.Clap;

/// <summary>
/// Allocation of the CLAP process() (the published library's heap is its own runtime's, invisible
/// here): the managed build of the same code driven the same way - its clap_entry functions, the
/// factory, the clap_plugin_t function pointers - on the host's audio thread, counting what that
/// thread allocates per call.
/// </summary>
[Collection(NativeHostCollection.Name)]
public sealed unsafe class ClapManagedAllocationTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempRing _ring = new(capacity: 1 << 16);

    [Fact]
    public void Process_WithNotesExpressionsMidiAndParams_AllocatesNothing()
    {
        _ring.OfferToPlugin();
        delegate* unmanaged<byte*, void*> getFactory = &ClapEntryExports.GetFactory;
        ClapPluginFactory* factory;
        fixed (byte* id = "clap.plugin-factory\0"u8) factory = (ClapPluginFactory*)getFactory(id);
        Assert.True(factory != null);
        using var plugin = new ClapTestPlugin(factory);
        plugin.Activate();
        using var events = new ClapTestEvents();
        events.ParamValue(0, ParameterIds.WaveSpeed, 150);
        events.NoteOn(3, 1, 1, 60, 0.8);
        events.Expression(10, ClapEventNoteExpression.Pressure, 1, 1, 60, 0.5);
        events.Expression(20, ClapEventNoteExpression.Tuning, 1, 1, 60, 12);
        events.Expression(25, ClapEventNoteExpression.Brightness, 1, 1, 60, 0.9);
        events.Midi(30, 0xE2, 0, 0x50);
        events.Midi(31, 0x92, 64, 90);
        events.Midi(50, 0x82, 64, 0);
        events.NoteOff(60, 1, 1, 60);
        Run(plugin, events, 2_000, out _); // warm up: JIT, tiering
        Run(plugin, events, 10_000, out long allocated);
        output.WriteLine($"managed build, 10000 CLAP process() calls with 9 events: {allocated} bytes allocated");
        Assert.Equal(0, allocated);
        plugin.Deactivate();
        Assert.Empty(plugin.Host.Violations);
    }

    [Fact]
    public void Process_PushingTheEditorsEditsToTheHost_AllocatesNothing()
    {
        _ring.OfferToPlugin();
        delegate* unmanaged<byte*, void*> getFactory = &ClapEntryExports.GetFactory;
        ClapPluginFactory* factory;
        fixed (byte* id = "clap.plugin-factory\0"u8) factory = (ClapPluginFactory*)getFactory(id);
        using var plugin = new ClapTestPlugin(factory);
        plugin.Activate();
        ClapInstance instance = ClapInstance.From(plugin.Plugin);
        var source = new ClapEditorSource(instance);
        using var events = new ClapTestEvents();
        ClapOutputEvents* counting = stackalloc ClapOutputEvents[1];
        counting->TryPush = &CountPush;
        plugin.Block.Data->InEvents = events.Input;
        long total = 0;
        s_pushed = 0;
        for (int i = 0; i < 2_000; i++)
        {
            // The UI thread's drag (here the test's main thread), then a block on the audio thread.
            source.BeginEdit(ParameterIds.WaveSpeed);
            source.PerformEdit(ParameterIds.WaveSpeed, (i % 100) / 100.0);
            source.EndEdit(ParameterIds.WaveSpeed);
            plugin.Audio.Run(() =>
            {
                plugin.Block.Data->OutEvents = counting;
                long before = GC.GetAllocatedBytesForCurrentThread();
                int result = plugin.Plugin->Process(plugin.Plugin, plugin.Block.Data);
                if (i >= 500) total += GC.GetAllocatedBytesForCurrentThread() - before; // after warm-up
                Assert.Equal(ClapProcessStatus.Continue, result);
            });
            _ring.Drain();
        }
        output.WriteLine($"managed build, 1500 CLAP process() calls each pushing 3 editor events: {total} bytes allocated");
        Assert.Equal(3 * 2_000, s_pushed);
        Assert.Equal(0, total);
        Assert.Equal(0, instance.Edits.Pending);
        plugin.Deactivate();
        Assert.Empty(plugin.Host.Violations);
    }

    private static int s_pushed;

    [System.Runtime.InteropServices.UnmanagedCallersOnly]
    private static byte CountPush(ClapOutputEvents* list, ClapEventHeader* e)
    {
        s_pushed++;
        return 1;
    }

    private void Run(ClapTestPlugin plugin, ClapTestEvents events, int calls, out long allocated)
    {
        long total = 0;
        int noteOns = 0;
        for (int i = 0; i < calls; i++)
        {
            int status = plugin.Audio.Run(() =>
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                int result = plugin.Block.Run(plugin.Plugin, events);
                total += GC.GetAllocatedBytesForCurrentThread() - before;
                return result;
            });
            Assert.Equal(ClapProcessStatus.Continue, status);
            while (_ring.Ring.Consumer.TryPop(out Command command))
                if (command.Kind == CommandKind.NoteOn) noteOns++;
        }
        allocated = total;
        Assert.Equal(2 * calls, noteOns);
    }

    public void Dispose() => _ring.Dispose();
}
