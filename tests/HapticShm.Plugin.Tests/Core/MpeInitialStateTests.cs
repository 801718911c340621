using HapticShm.Plugin.Core.Input;
using HapticShm.Plugin.Core.Parameters;
using HapticShm.Plugin.Core.Processing;
using HapticShm.Plugin.Tests.Host;
using HapticShm.Shared.Protocol;

namespace HapticShm.Plugin.Tests.Core;

/// <summary>A member channel's bend, CC74 and pressure sent before its note-on (hosts deliver them
/// as hidden MIDI parameter points) are the note's initial state, carried by its NoteOn.</summary>
public sealed class MpeInitialStateTests : IDisposable
{
    private const long BlockStart = 2_000_000_000;
    private const long BlockNs = 1_000_000;
    private const double SampleRate = 48000;
    private readonly TempRing _ring = new();
    private readonly PluginProcessor _processor = new();

    public MpeInitialStateTests()
    {
        _processor.SetSampleRate(SampleRate);
        _processor.AttachRing(_ring.Ring.Producer);
        Block(BlockStart - BlockNs).End();
        _ring.Drain(); // the initial parameter burst
    }

    private static long At(int sampleOffset, long blockStart = BlockStart) => blockStart + (long)(sampleOffset * 1e9 / SampleRate);

    private BlockBuilder Block(long blockStart)
    {
        _processor.BeginBlock(blockStart);
        return new BlockBuilder(_processor);
    }

    private Command DrainNoteOn() => Assert.Single(_ring.Drain(), c => c.Kind == CommandKind.NoteOn);

    [Fact]
    public void NoteOn_AfterBendTimbreAndPressureInTheSameBlock_CarriesThem()
    {
        Block(BlockStart)
            .Point(3, MidiControl.PitchBend, 5, 1.0)
            .Point(3, MidiControl.Timbre, 8, 0.2)
            .Point(3, MidiControl.Pressure, 10, 0.6)
            .Note(NoteInput.NoteOn(20, 3, 60, 0.8))
            .End();

        List<Command> commands = _ring.Drain();
        Assert.Equal([CommandKind.Mpe, CommandKind.Mpe, CommandKind.Mpe, CommandKind.NoteOn], commands.Select(c => c.Kind));
        Command on = commands[3];
        Assert.Equal((3, 60, At(20)), (on.Channel, on.Note, on.TimestampNs));
        Assert.Equal(1f, on.PitchBend);
        Assert.Equal(0.2f, on.Timbre, 6);
        Assert.Equal(0.6f, on.Pressure, 6);
        Assert.All(commands, c => Assert.Equal(CommandError.None, CommandValidator.Validate(c)));
    }

    [Fact]
    public void NoteOn_AtTheSameOffsetAsABend_CarriesTheBendWhateverTheInputOrder()
    {
        // The note is queued first: at equal offsets expression still goes first.
        Block(BlockStart)
            .Note(NoteInput.NoteOn(10, 2, 64, 0.5))
            .Point(2, MidiControl.PitchBend, 10, 0.0)
            .End();

        List<Command> commands = _ring.Drain();
        Assert.Equal([CommandKind.Mpe, CommandKind.NoteOn], commands.Select(c => c.Kind));
        Assert.Equal(At(10), commands[0].TimestampNs);
        Assert.Equal(-1f, commands[1].PitchBend);
    }

    [Fact]
    public void NoteOn_BeforeALaterBendInItsBlock_StartsFromThePreviousValueAndTheBendFollows()
    {
        Block(BlockStart)
            .Point(4, MidiControl.PitchBend, 30, 1.0)
            .Note(NoteInput.NoteOn(10, 4, 64, 0.5))
            .End();

        List<Command> commands = _ring.Drain();
        Assert.Equal([CommandKind.NoteOn, CommandKind.Mpe], commands.Select(c => c.Kind));
        Assert.Equal(0f, commands[0].PitchBend);
        Assert.Equal((MpeFields.PitchBend, 1f, At(30)), (commands[1].Fields, commands[1].PitchBend, commands[1].TimestampNs));
    }

    [Fact]
    public void NoteOn_InALaterBlock_CarriesTheExpressionOfEarlierBlocks()
    {
        Block(BlockStart).Point(7, MidiControl.PitchBend, 60, 0.25).Point(7, MidiControl.Timbre, 61, 0.9).End();
        Block(BlockStart + BlockNs).Point(7, MidiControl.Pressure, 0, 0.3).End();
        _ring.Drain();

        Block(BlockStart + 2 * BlockNs).Note(NoteInput.NoteOn(0, 7, 50, 1.0, noteId: 77)).End();

        Command on = DrainNoteOn();
        Assert.Equal((7, 77), (on.Channel, on.NoteId));
        Assert.Equal(-0.5f, on.PitchBend);
        Assert.Equal(0.9f, on.Timbre, 6);
        Assert.Equal(0.3f, on.Pressure, 6);
    }

    [Fact]
    public void NoteOn_OnAnotherChannel_KeepsItsOwnChannelsExpression()
    {
        Block(BlockStart).Point(1, MidiControl.PitchBend, 0, 1.0).Point(1, MidiControl.Pressure, 0, 0.1).End();
        _ring.Drain();

        Block(BlockStart + BlockNs).Note(NoteInput.NoteOn(0, 2, 50, 1.0)).End();

        Command on = DrainNoteOn();
        Assert.Equal((0f, 0.5f, 1f), (on.PitchBend, on.Timbre, on.Pressure)); // no pressure seen on channel 2: full
    }

    [Fact]
    public void NoteOn_AfterPressureZero_StartsSilentUntilPressureRises()
    {
        Block(BlockStart).Point(5, MidiControl.Pressure, 0, 0.0).Note(NoteInput.NoteOn(1, 5, 50, 1.0)).End();

        Assert.Equal(0f, DrainNoteOn().Pressure);
    }

    [Fact]
    public void NoteOn_AfterANoteOff_KeepsTheChannelsLastValues()
    {
        Block(BlockStart)
            .Note(NoteInput.NoteOn(0, 9, 60, 1.0))
            .Point(9, MidiControl.PitchBend, 10, 0.75)
            .Note(NoteInput.NoteOff(20, 9, 60))
            .End();
        _ring.Drain();

        Block(BlockStart + BlockNs).Note(NoteInput.NoteOn(0, 9, 62, 1.0)).End();

        Assert.Equal(0.5f, DrainNoteOn().PitchBend);
    }

    [Fact]
    public void AfterReconnect_HeldNotesStartAgainWithTheirLatestChannelAndPerNoteExpression()
    {
        Block(BlockStart)
            .Point(6, MidiControl.PitchBend, 0, 1.0)
            .Note(NoteInput.NoteOn(5, 6, 60, 0.7, noteId: 11))
            .Note(NoteInput.NoteOn(5, 6, 64, 0.7, noteId: 12))
            .Point(6, MidiControl.Timbre, 20, 0.1)
            .Note(NoteInput.NoteExpression(30, 12, NoteExpressionKind.Tuning, 0.5 - 12.0 / 240.0))
            .End();
        _processor.DetachRing();
        _ring.Drain();

        using var second = new TempRing();
        _processor.AttachRing(second.Ring.Producer);
        Block(BlockStart + BlockNs).End();

        List<Command> commands = second.Drain();
        Assert.DoesNotContain(commands, c => c.Kind == CommandKind.Mpe);
        Command[] ons = [.. commands.Where(c => c.Kind == CommandKind.NoteOn)];
        Assert.Equal([11, 12], ons.Select(c => c.NoteId));
        Assert.Equal(1f, ons[0].PitchBend); // the channel's bend from before the note-on
        Assert.Equal(-0.25f, ons[1].PitchBend, 5); // its own tuning after the note-on: -12 of 48 semitones
        Assert.All(ons, on => Assert.Equal(0.1f, on.Timbre, 6)); // the channel's CC74 after the note-on
        _processor.DetachRing();
    }

    public void Dispose()
    {
        _processor.DetachRing();
        _ring.Dispose();
    }

    /// <summary>Queues one block's inputs in the order written.</summary>
    private readonly struct BlockBuilder(PluginProcessor processor)
    {
        public BlockBuilder Point(int channel, MidiControl control, int sampleOffset, double normalized)
        {
            processor.AddParameterPoint(ParameterIds.Midi(channel, control), sampleOffset, normalized);
            return this;
        }

        public BlockBuilder Note(NoteInput note)
        {
            processor.AddNote(note);
            return this;
        }

        public void End() => processor.EndBlock();
    }
}
