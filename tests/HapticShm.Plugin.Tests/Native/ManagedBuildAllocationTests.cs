using HapticShm.Plugin.Core.Parameters;
using HapticShm.Plugin.Exports;
using HapticShm.Plugin.Interop;
using HapticShm.Plugin.Tests.Host;
using HapticShm.Shared.Protocol;

namespace HapticShm.Plugin.Tests.Native;

/// <summary>
/// Allocation of process() through the VST3 ABI. GC.GetAllocatedBytesForCurrentThread cannot see
/// the heap of the published NativeAOT library (its own runtime), so this drives the managed
/// build of the same plugin code in this runtime exactly the same way - GetPluginFactory, the
/// component's vtables, [UnmanagedCallersOnly] process() reading the host's IEventList and
/// IParameterChanges - and counts what that thread allocates.
/// </summary>
[Collection(NativeHostCollection.Name)]
public sealed unsafe class ManagedBuildAllocationTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempRing _ring = new(capacity: 1 << 16);

    [Fact]
    public void Process_ThroughTheVtablesWithEvents_AllocatesNothing()
    {
        _ring.OfferToPlugin();
        delegate* unmanaged<void*> getFactory = &ModuleExports.GetPluginFactory;
        void* factory = getFactory();
        Assert.True(factory != null, "the managed build's GetPluginFactory returned null");
        using (var plugin = new PluginInstance(factory))
        {
            plugin.Setup(48000, 64, ProcessData.kSample32);
            plugin.Start();
            using var call = new ProcessCall(64, ProcessData.kSample32) { WithContext = true };
            call.Context.state = ProcessContext.kContTimeValid | ProcessContext.kSystemTimeValid | ProcessContext.kPlaying;
            call.Context.sampleRate = 48000;
            call.Events.NoteOn(3, 1, 60, 0.8f, noteId: 1);
            call.Events.PolyPressure(20, 1, 60, 0.5f, noteId: 1);
            call.Events.Expression(30, NoteExpressionTypeInfo.kTuningTypeID, 1, 0.6);
            call.Events.NoteOff(60, 1, 60, noteId: 1);
            call.Parameters.Add(ParameterIds.Midi(2, MidiControl.PitchBend), 40, 0.7);
            call.Parameters.Add(ParameterIds.WaveSpeed, 10, 0.3);
            Run(plugin, call, 2_000, out _); // warm up: JIT, tiering, the connect burst

            Run(plugin, call, 10_000, out long allocated);
            output.WriteLine($"managed build through the VST3 vtables, 10000 process() calls with 4 events + 2 parameter points and a ProcessContext: {allocated} bytes allocated");
            Assert.Equal(0, allocated);
            plugin.Stop();
        }
        Host.Interop.Vst.Release(factory);
    }

    private void Run(PluginInstance plugin, ProcessCall call, int calls, out long allocated)
    {
        allocated = 0;
        int noteOns = 0;
        for (int i = 0; i < calls; i++)
        {
            // A playing transport that loops every 128 blocks, with the host's system time.
            call.Context.continousTimeSamples = i * 64L;
            call.Context.projectTimeSamples = i * 64L % (128 * 64);
            call.Context.systemTime = HapticShm.Shared.MonotonicClock.NowNs();
            long before = GC.GetAllocatedBytesForCurrentThread();
            int result = call.Run(plugin.Processor, out _);
            allocated += GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(VstResult.kResultOk, result);
            while (_ring.Ring.Consumer.TryPop(out Command command))
            {
                if (command.Kind == CommandKind.NoteOn) noteOns++;
            }
        }
        Assert.Equal(calls, noteOns);
    }

    public void Dispose() => _ring.Dispose();
}
