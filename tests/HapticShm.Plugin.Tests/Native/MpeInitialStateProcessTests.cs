using HapticShm.Plugin.Core.Connection;
using HapticShm.Plugin.Core.Parameters;
using HapticShm.Plugin.Interop;
using HapticShm.Plugin.Tests.Host;
using HapticShm.Shared.Protocol;
using Libc = HapticShm.Plugin.Tests.Host.Interop.Libc;

namespace HapticShm.Plugin.Tests.Native;

/// <summary>MPE initial state through the published library, delivered as the SDK's audio host
/// and Ardour deliver it: bend, CC74 and pressure as IMidiMapping parameter changes in an earlier
/// block or at the note-on's own offset, note-ons with noteId -1.</summary>
[Collection(NativeHostCollection.Name)]
public sealed unsafe class MpeInitialStateProcessTests(NativeModule module) : IDisposable
{
    private readonly TempRing _ring = new();

    [Fact]
    public void Process_ExpressionInAnEarlierBlockAndAtTheSameOffset_ReachesTheNoteOn()
    {
        _ring.OfferToPlugin();
        using var plugin = new PluginInstance(module);
        plugin.Setup(48000, 256, ProcessData.kSample32);
        plugin.Start();

        using (var earlier = new ProcessCall(256, ProcessData.kSample32))
        {
            earlier.Parameters.Add(ParameterIds.Midi(1, MidiControl.PitchBend), 0, 1.0); // +8191
            earlier.Parameters.Add(ParameterIds.Midi(1, MidiControl.Pressure), 100, 0.5);
            Assert.Equal(VstResult.kResultOk, earlier.Run(plugin.Processor, out _));
        }
        using (var notes = new ProcessCall(256, ProcessData.kSample32))
        {
            notes.Events.NoteOn(0, 1, 60, 0.8f, noteId: -1);
            notes.Events.NoteOn(10, 2, 62, 0.8f, noteId: -1);
            notes.Events.NoteOn(20, 3, 64, 0.8f, noteId: -1);
            notes.Parameters.Add(ParameterIds.Midi(1, MidiControl.Timbre), 0, 0.25);
            notes.Parameters.Add(ParameterIds.Midi(2, MidiControl.PitchBend), 10, 0.0);
            Assert.Equal(VstResult.kResultOk, notes.Run(plugin.Processor, out _));
        }
        plugin.Stop();

        List<Command> commands = _ring.Drain();
        Assert.All(commands, c => Assert.Equal(CommandError.None, CommandValidator.Validate(c)));
        Command[] ons = [.. commands.Where(c => c.Kind == CommandKind.NoteOn)];
        Assert.Equal([1, 2, 3], ons.Select(c => (int)c.Channel));
        Assert.Equal((1f, 0.25f, 0.5f), (ons[0].PitchBend, ons[0].Timbre, ons[0].Pressure));
        Assert.Equal(-1f, ons[1].PitchBend);
        Assert.Equal((0f, 0.5f, 1f), (ons[2].PitchBend, ons[2].Timbre, ons[2].Pressure)); // nothing sent on channel 3
        // The channel message at the note-on's offset is sent first, with the same timestamp.
        int timbre = commands.FindIndex(c => c.Kind == CommandKind.Mpe && c.Channel == 1 && c.Fields == MpeFields.Timbre);
        Assert.True(timbre >= 0 && timbre < commands.IndexOf(ons[0]));
        Assert.Equal(commands[timbre].TimestampNs, ons[0].TimestampNs);
    }

    public void Dispose()
    {
        Libc.unsetenv(RingConnection.RingOverrideVariable);
        _ring.Dispose();
    }
}
