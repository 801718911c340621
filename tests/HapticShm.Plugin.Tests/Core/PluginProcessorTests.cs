using HapticShm.Plugin.Core.Input;
using HapticShm.Plugin.Core.Parameters;
using HapticShm.Plugin.Core.Processing;
using HapticShm.Plugin.Tests.Host;
using HapticShm.Shared.Protocol;

namespace HapticShm.Plugin.Tests.Core;

public sealed class PluginProcessorTests : IDisposable
{
    private const long BlockStart = 1_000_000_000;
    private const double SampleRate = 48000;
    private readonly TempRing _ring = new();
    private readonly PluginProcessor _processor = new();

    public PluginProcessorTests()
    {
        _processor.SetSampleRate(SampleRate);
        _processor.AttachRing(_ring.Ring.Producer);
        RunBlock(BlockStart - 10_000_000);
        _ring.Drain(); // the initial parameter burst
    }

    private static long At(int sampleOffset, long blockStart = BlockStart) => blockStart + (long)(sampleOffset * 1e9 / SampleRate);

    private void RunBlock(long blockStart, params NoteInput[] notes)
    {
        _processor.BeginBlock(blockStart);
        foreach (NoteInput note in notes) _processor.AddNote(note);
        _processor.EndBlock();
    }

    [Fact]
    public void EndBlock_NoteOnAndOff_TimestampsFollowSampleOffsets()
    {
        RunBlock(BlockStart, NoteInput.NoteOn(12, 2, 60, 0.5, noteId: 7), NoteInput.NoteOff(300, 2, 60, noteId: 7));

        List<Command> commands = _ring.Drain();
        Assert.Equal(2, commands.Count);
        Assert.Equal(CommandKind.NoteOn, commands[0].Kind);
        Assert.Equal(7, commands[0].NoteId);
        Assert.Equal(0.5f, commands[0].Velocity);
        Assert.Equal(At(12), commands[0].TimestampNs);
        Assert.Equal(CommandKind.NoteOff, commands[1].Kind);
        Assert.Equal(At(300), commands[1].TimestampNs);
        Assert.All(commands, c => Assert.True(CommandValidator.IsValid(c)));
    }

    [Fact]
    public void EndBlock_NoteOnWithZeroVelocity_SendsNoteOff()
    {
        RunBlock(BlockStart, NoteInput.NoteOn(0, 0, 64, 0.8), NoteInput.NoteOn(5, 0, 64, 0.0));

        List<Command> commands = _ring.Drain();
        Assert.Equal([CommandKind.NoteOn, CommandKind.NoteOff], commands.Select(c => c.Kind));
        Assert.Equal(commands[0].NoteId, commands[1].NoteId);
        Assert.Equal(0, _processor.HeldNoteCount);
    }

    [Fact]
    public void EndBlock_MidiParameterPoints_BecomeChannelMpeAtEachPointOffset()
    {
        _processor.BeginBlock(BlockStart);
        _processor.AddParameterPoint(ParameterIds.Midi(3, MidiControl.PitchBend), 100, 1.0);
        _processor.AddParameterPoint(ParameterIds.Midi(3, MidiControl.PitchBend), 20, 0.25);
        _processor.AddParameterPoint(ParameterIds.Midi(5, MidiControl.Timbre), 50, 0.9);
        _processor.AddParameterPoint(ParameterIds.Midi(15, MidiControl.Pressure), 70, 0.4);
        _processor.EndBlock();

        List<Command> commands = _ring.Drain();
        Assert.Equal([At(20), At(50), At(70), At(100)], commands.Select(c => c.TimestampNs));
        Assert.Equal(3, commands[0].Channel);
        Assert.Equal(MpeFields.PitchBend, commands[0].Fields);
        Assert.Equal(-0.5f, commands[0].PitchBend);
        Assert.Equal(MpeFields.Timbre, commands[1].Fields);
        Assert.Equal(0.9f, commands[1].Timbre, 5);
        Assert.Equal(15, commands[2].Channel);
        Assert.Equal(0.4f, commands[2].Pressure, 5);
        Assert.Equal(1f, commands[3].PitchBend);
        Assert.All(commands, c => Assert.True(CommandValidator.IsValid(c)));
    }

    [Fact]
    public void EndBlock_NoteExpressionAndPolyPressure_AddressTheNoteById()
    {
        RunBlock(BlockStart,
            NoteInput.NoteOn(0, 1, 40, 1.0, noteId: 42),
            NoteInput.PolyPressure(10, 1, 40, 0.3),
            NoteInput.NoteExpression(20, 42, NoteExpressionKind.Tuning, 0.5 + 12.0 / 240.0),
            NoteInput.NoteExpression(30, 42, NoteExpressionKind.Brightness, 0.8),
            NoteInput.NoteExpression(40, 42, NoteExpressionKind.Volume, 0.125));

        List<Command> mpe = _ring.Drain().Where(c => c.Kind == CommandKind.Mpe).ToList();
        Assert.Equal(4, mpe.Count);
        Assert.All(mpe, c => Assert.Equal(42, c.NoteId));
        Assert.All(mpe, c => Assert.True((c.Fields & MpeFields.PerNote) != 0));
        Assert.Equal(0.3f, mpe[0].Pressure, 5);
        Assert.Equal(12f / 48f, mpe[1].PitchBend, 5);
        Assert.Equal(MpeFields.PitchBend | MpeFields.PerNote, mpe[1].Fields);
        Assert.Equal(0.8f, mpe[2].Timbre, 5);
        Assert.Equal(0.5f, mpe[3].Pressure, 5);
        Assert.Equal(At(40), mpe[3].TimestampNs);
    }

    [Fact]
    public void EndBlock_EngineParameterChange_SendsParamInPlainUnits()
    {
        _processor.BeginBlock(BlockStart);
        _processor.AddParameterPoint(ParameterIds.WaveSpeed, 8, 1.0);
        _processor.AddParameterPoint(ParameterIds.Routing, 9, 0.5);
        _processor.EndBlock();

        List<Command> commands = _ring.Drain();
        Assert.Equal(2, commands.Count);
        Assert.Equal((ParamId.WaveSpeed, 500f, At(8)), (commands[0].ParamId, commands[0].ParamValue, commands[0].TimestampNs));
        Assert.Equal((ParamId.Routing, (float)StimulusRouting.Standing), (commands[1].ParamId, commands[1].ParamValue));
    }

    [Fact]
    public void EndBlock_AfterReconnect_ResendsParametersAndHeldNotes()
    {
        RunBlock(BlockStart, NoteInput.NoteOn(0, 0, 60, 0.7, noteId: 1), NoteInput.NoteOn(0, 4, 72, 0.9, noteId: 2));
        _processor.DetachRing();
        RunBlock(BlockStart + 1_000_000, NoteInput.NoteOff(0, 0, 60, noteId: 1));
        Assert.True(_processor.DroppedCommands > 0);
        _ring.Drain();

        using var second = new TempRing();
        _processor.AttachRing(second.Ring.Producer);
        RunBlock(BlockStart + 2_000_000);

        List<Command> commands = second.Drain();
        Assert.Equal(5, commands.Count(c => c.Kind == CommandKind.Param));
        Command noteOn = Assert.Single(commands, c => c.Kind == CommandKind.NoteOn);
        Assert.Equal((4, 72, 2, 0.9f), (noteOn.Channel, noteOn.Note, noteOn.NoteId, noteOn.Velocity));
        Assert.Equal(BlockStart + 2_000_000, noteOn.TimestampNs);
    }

    [Fact]
    public void EndBlock_WithoutRing_CountsDroppedCommands()
    {
        _processor.DetachRing();
        long before = _processor.DroppedCommands;
        RunBlock(BlockStart, NoteInput.NoteOn(0, 0, 60, 0.7), NoteInput.NoteOff(1, 0, 60));
        Assert.Equal(before + 2, _processor.DroppedCommands);
    }

    [Fact]
    public void EndBlock_RingFull_CountsTheDropsAndKeepsGoing()
    {
        using var small = new TempRing(capacity: 16);
        _processor.AttachRing(small.Ring.Producer);
        RunBlock(BlockStart); // the connect burst: 5 parameters
        var notes = Enumerable.Range(0, 20).Select(i => NoteInput.NoteOn(i, 0, 40 + i, 0.5)).ToArray();
        long dropped = _processor.DroppedCommands;
        RunBlock(BlockStart + 1000, notes);

        Assert.Equal(16, small.Drain().Count);
        Assert.Equal(dropped + 5 + 20 - 16, _processor.DroppedCommands);
        Assert.Equal(20, _processor.HeldNoteCount);
        _processor.DetachRing();
    }

    [Fact]
    public void EndBlock_BypassOn_ReleasesHeldNotesAndIgnoresNewOnes()
    {
        RunBlock(BlockStart, NoteInput.NoteOn(0, 0, 60, 0.7, noteId: 9));
        _ring.Drain();
        _processor.BeginBlock(BlockStart + 1000);
        _processor.AddParameterPoint(ParameterIds.Bypass, 4, 1.0);
        _processor.AddNote(NoteInput.NoteOn(6, 0, 61, 0.7));
        _processor.EndBlock();

        Command off = Assert.Single(_ring.Drain());
        Assert.Equal((CommandKind.NoteOff, 9), (off.Kind, off.NoteId));
        Assert.True(_processor.IsBypassed);
        Assert.Equal(0, _processor.HeldNoteCount);
    }

    public void Dispose()
    {
        _processor.DetachRing();
        _ring.Dispose();
    }
}
