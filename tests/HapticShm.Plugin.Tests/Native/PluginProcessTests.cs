using HapticShm.Plugin.Core.Connection;
using HapticShm.Plugin.Core.Parameters;
using HapticShm.Plugin.Interop;
using HapticShm.Plugin.Tests.Host;
using HapticShm.Shared.Protocol;
using static HapticShm.Plugin.Tests.Host.Interop.Vst;
using Libc = HapticShm.Plugin.Tests.Host.Interop.Libc;

namespace HapticShm.Plugin.Tests.Native;

/// <summary>A whole instance inside the published library: events and parameter changes in
/// through process(), Commands out through a ring named by HAPTICSHM_PLUGIN_RING.</summary>
[Collection(NativeHostCollection.Name)]
public sealed unsafe class PluginProcessTests(NativeModule module, ITestOutputHelper output) : IDisposable
{
    private const double SampleRate = 44100;
    private readonly TempRing _ring = new();

    [Theory]
    [InlineData(ProcessData.kSample32)]
    [InlineData(ProcessData.kSample64)]
    public void Process_EventsAndParameterChanges_PushCommandsAtTheirSampleOffsets(int sampleSize)
    {
        _ring.OfferToPlugin();
        using var plugin = new PluginInstance(module);
        plugin.Setup(SampleRate, 512, sampleSize);
        plugin.Start();

        using var call = new ProcessCall(256, sampleSize);
        call.Events.NoteOn(10, 1, 60, 0.75f, noteId: 501);
        call.Events.PolyPressure(20, 1, 60, 0.4f, noteId: 501);
        call.Events.Expression(30, NoteExpressionTypeInfo.kTuningTypeID, 501, 0.5 + 24.0 / 240.0);
        call.Events.Expression(35, NoteExpressionTypeInfo.kBrightnessTypeID, 501, 0.9);
        call.Events.NoteOn(50, 2, 64, 0f, noteId: -1); // velocity 0: a note-off
        call.Events.NoteOff(200, 1, 60, noteId: 501);
        call.Parameters.Add(ParameterIds.Midi(2, MidiControl.PitchBend), 40, 0.0);
        call.Parameters.Add(ParameterIds.Midi(2, MidiControl.PitchBend), 120, 0.75);
        call.Parameters.Add(ParameterIds.Midi(9, MidiControl.Timbre), 60, 0.2);
        call.Parameters.Add(ParameterIds.WaveSpeed, 100, 1.0);

        Assert.Equal(VstResult.kResultOk, call.Run(plugin.Processor, out ulong silence));
        Assert.True(call.OutputIsSilent());
        Assert.Equal(0b11UL, silence);
        plugin.Stop();

        List<Command> commands = _ring.Drain();
        Assert.All(commands, c => Assert.Equal(CommandError.None, CommandValidator.Validate(c)));
        // The connect burst: every engine parameter at the block start.
        Command[] initial = [.. commands.Take(5)];
        Assert.All(initial, c => Assert.Equal(CommandKind.Param, c.Kind));
        long blockStart = initial[0].TimestampNs;
        long Offset(Command c) => (long)Math.Round((c.TimestampNs - blockStart) * SampleRate / 1e9);

        Command[] rest = [.. commands.Skip(5)];
        Assert.Equal(
            [(CommandKind.NoteOn, 10L), (CommandKind.Mpe, 20L), (CommandKind.Mpe, 30L), (CommandKind.Mpe, 35L), (CommandKind.Mpe, 40L),
             (CommandKind.NoteOff, 50L), (CommandKind.Mpe, 60L), (CommandKind.Param, 100L), (CommandKind.Mpe, 120L), (CommandKind.NoteOff, 200L)],
            rest.Select(c => (c.Kind, Offset(c))));
        Assert.Equal((1, 60, 501, 0.75f), (rest[0].Channel, rest[0].Note, rest[0].NoteId, rest[0].Velocity));
        Assert.Equal((MpeFields.Pressure | MpeFields.PerNote, 501, 0.4f), (rest[1].Fields, rest[1].NoteId, rest[1].Pressure));
        Assert.Equal(0.5f, rest[2].PitchBend, 5); // +24 semitones of a 48-semitone bend range
        Assert.Equal(0.9f, rest[3].Timbre, 5);
        Assert.Equal((2, MpeFields.PitchBend, -1f), (rest[4].Channel, rest[4].Fields, rest[4].PitchBend));
        Assert.Equal((9, MpeFields.Timbre), (rest[6].Channel, rest[6].Fields));
        Assert.Equal((ParamId.WaveSpeed, 500f), (rest[7].ParamId, rest[7].ParamValue));
        Assert.Equal(0.5f, rest[8].PitchBend, 5);
        Assert.Equal(501, rest[9].NoteId);
    }

    [Fact]
    public void Process_TenThousandCallsWithEvents_EveryNoteReachesTheRing()
    {
        _ring.OfferToPlugin();
        using var plugin = new PluginInstance(module);
        plugin.Setup(48000, 64, ProcessData.kSample32);
        plugin.Start();
        using var call = new ProcessCall(64, ProcessData.kSample32);
        call.Events.NoteOn(3, 0, 60, 0.8f, noteId: 1);
        call.Events.PolyPressure(20, 0, 60, 0.5f, noteId: 1);
        call.Events.NoteOff(60, 0, 60, noteId: 1);
        call.Parameters.Add(ParameterIds.Midi(0, MidiControl.PitchBend), 30, 0.6);
        _ = call.Run(plugin.Processor, out _);
        _ring.Drain();

        const int calls = 10_000;
        int noteOns = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (int i = 0; i < calls; i++)
        {
            Assert.Equal(VstResult.kResultOk, call.Run(plugin.Processor, out _));
            while (_ring.Ring.Consumer.TryPop(out Command command))
            {
                if (command.Kind == CommandKind.NoteOn) noteOns++;
            }
        }
        clock.Stop();
        plugin.Stop();

        Assert.Equal(calls, noteOns);
        Assert.Equal(0, _ring.Ring.ReadCounters().DroppedFull);
        output.WriteLine($"process() through the native library, 3 events + 1 parameter point, ring drained per call: {clock.Elapsed.TotalNanoseconds / calls:F0} ns per call");
    }

    [Fact]
    public void GetState_SetOnNewInstance_GivesTheSameParameters()
    {
        _ring.OfferToPlugin(); // no server: the ring seam
        byte[] saved;
        using (var first = new PluginInstance(module))
        {
            first.Setup(SampleRate, 128, ProcessData.kSample32);
            first.Start();
            using var call = new ProcessCall(64, ProcessData.kSample32);
            call.Parameters.Add(ParameterIds.WaveSpeed, 0, 0.3);
            call.Parameters.Add(ParameterIds.Release, 5, 0.7);
            call.Parameters.Add(ParameterIds.Routing, 9, 0.75);
            Assert.Equal(VstResult.kResultOk, call.Run(first.Processor, out _));
            first.Stop();
            saved = first.GetState();
        }

        using var second = new PluginInstance(module);
        Assert.NotEqual(saved, second.GetState());
        Assert.Equal(VstResult.kResultOk, second.SetState(saved));
        Assert.Equal(saved, second.GetState());

        Assert.Equal(VstResult.kResultOk, second.SetComponentStateOnController(saved));
        var controller = V<IEditControllerVtbl>(second.Controller);
        Assert.Equal(0.3, controller->getParamNormalized(second.Controller, ParameterIds.WaveSpeed), 12);
        Assert.Equal(0.7, controller->getParamNormalized(second.Controller, ParameterIds.Release), 12);
        Assert.Equal(0.75, controller->getParamNormalized(second.Controller, ParameterIds.Routing), 12);
    }

    [Fact]
    public void SetActive_OverrideRingMissing_ReturnsInternalErrorInsteadOfThrowing()
    {
        Assert.Equal(0, Libc.setenv(RingConnection.RingOverrideVariable, _ring.Path + ".missing", 1));
        using var plugin = new PluginInstance(module);
        Assert.Equal(VstResult.kInternalError, V<IComponentVtbl>(plugin.Component)->setActive(plugin.Component, 1));
        Assert.Equal(VstResult.kInvalidArgument, V<IAudioProcessorVtbl>(plugin.Processor)->process(plugin.Processor, null));
    }

    [Fact]
    public void SetState_Garbage_IsRefused()
    {
        using var plugin = new PluginInstance(module);
        Assert.Equal(VstResult.kResultFalse, plugin.SetState([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]));
    }

    [Fact]
    public void MidiMapping_EveryChannel_MapsPressureBendAndTimbreToHiddenParameters()
    {
        using var plugin = new PluginInstance(module);
        void* mapping = Query(plugin.Controller, Iids.IMidiMapping);
        var ids = new HashSet<uint>();
        for (short channel = 0; channel < 16; channel++)
        {
            foreach (short cc in (short[])[128, 129, 74])
            {
                uint id;
                Assert.Equal(VstResult.kResultTrue, V<IMidiMappingVtbl>(mapping)->getMidiControllerAssignment(mapping, 0, channel, cc, &id));
                Assert.True(ids.Add(id));
            }
        }
        uint none;
        Assert.Equal(VstResult.kResultFalse, V<IMidiMappingVtbl>(mapping)->getMidiControllerAssignment(mapping, 0, 0, 1, &none));
        Release(mapping);

        var controller = V<IEditControllerVtbl>(plugin.Controller);
        int count = controller->getParameterCount(plugin.Controller);
        var hidden = new HashSet<uint>();
        for (int i = 0; i < count; i++)
        {
            ParameterInfo info;
            Assert.Equal(VstResult.kResultOk, controller->getParameterInfo(plugin.Controller, i, &info));
            if ((info.flags & ParameterInfo.kIsHidden) != 0) hidden.Add(info.id);
        }
        Assert.Equal(ids.Order(), hidden.Order());
    }

    [Fact]
    public void NoteExpressionController_ListsTuningAndBrightness()
    {
        using var plugin = new PluginInstance(module);
        void* expressions = Query(plugin.Controller, Iids.INoteExpressionController);
        var vtbl = V<INoteExpressionControllerVtbl>(expressions);
        int count = vtbl->getNoteExpressionCount(expressions, 0, 3);
        var types = new List<uint>();
        for (int i = 0; i < count; i++)
        {
            NoteExpressionTypeInfo info;
            Assert.Equal(VstResult.kResultOk, vtbl->getNoteExpressionInfo(expressions, 0, 3, i, &info));
            types.Add(info.typeId);
        }
        Release(expressions);
        Assert.Contains(NoteExpressionTypeInfo.kTuningTypeID, types);
        Assert.Contains(NoteExpressionTypeInfo.kBrightnessTypeID, types);
        Assert.Contains(NoteExpressionTypeInfo.kVolumeTypeID, types);
    }

    [Fact]
    public void ParamStringByValue_WaveSpeed_ReadsInMetresPerSecond()
    {
        using var plugin = new PluginInstance(module);
        var controller = V<IEditControllerVtbl>(plugin.Controller);
        char* text = stackalloc char[128];
        Assert.Equal(VstResult.kResultOk, controller->getParamStringByValue(plugin.Controller, ParameterIds.WaveSpeed, 1.0, text));
        Assert.Equal("500 m/s", FixedStrings.ReadUtf16(text, 128));
        Assert.Equal(500.0, controller->normalizedParamToPlain(plugin.Controller, ParameterIds.WaveSpeed, 1.0));
    }

    public void Dispose()
    {
        Libc.unsetenv(RingConnection.RingOverrideVariable);
        _ring.Dispose();
    }
}
