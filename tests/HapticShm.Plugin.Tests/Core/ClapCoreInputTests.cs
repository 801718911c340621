using HapticShm.Plugin.Core.Input;
using HapticShm.Plugin.Core.Parameters;
using HapticShm.Plugin.Core.Processing;
using HapticShm.Plugin.Tests.Host;
using HapticShm.Shared.Protocol;

namespace HapticShm.Plugin.Tests.Core;

/// <summary>What the core gained for CLAP input: raw MIDI mapped like the VST3 host's MIDI mapping
/// (MPE initial state included), note-offs by note id alone, expressions addressed by key,
/// wildcard releases, parameters set between blocks, reset.</summary>
public sealed class ClapCoreInputTests : IDisposable
{
    private const long BlockStart = 2_000_000_000;
    private readonly TempRing _ring = new();
    private readonly PluginProcessor _processor = new();

    public ClapCoreInputTests()
    {
        _processor.SetSampleRate(48000);
        _processor.AttachRing(_ring.Ring.Producer);
        _processor.BeginBlock(BlockStart - 1_000_000);
        _processor.EndBlock();
        _ring.Drain(); // the initial parameter burst
    }

    private List<Command> Block(Action<PluginProcessor> inputs)
    {
        _processor.BeginBlock(BlockStart);
        inputs(_processor);
        _processor.EndBlock();
        return _ring.Drain();
    }

    [Fact]
    public void Midi_MpeMemberChannel_BendCc74PressureThenNoteOn_NoteCarriesThem()
    {
        List<Command> commands = Block(p =>
        {
            p.AddMidi(4, 0x92, 62, 100);       // note-on first in the list, same offset as the expression
            p.AddMidi(4, 0xE2, 0x7F, 0x7F);    // bend to the top
            p.AddMidi(4, 0xB2, 74, 127);       // CC74
            p.AddMidi(4, 0xD2, 64, 0);         // channel pressure ~0.5
        });
        Command on = Assert.Single(commands, c => c.Kind == CommandKind.NoteOn);
        Assert.Equal((2, 62), (on.Channel, on.Note));
        Assert.Equal(100 / 127f, on.Velocity, 5);
        Assert.Equal(1f, on.PitchBend);
        Assert.Equal(1f, on.Timbre);
        Assert.Equal(64 / 127f, on.Pressure, 5);
    }

    [Fact]
    public void Midi_NoteOnVelocityZero_AndNoteOff_EndTheNote_OtherMessagesIgnored()
    {
        Block(p => p.AddMidi(0, 0x90, 60, 90));
        List<Command> commands = Block(p =>
        {
            p.AddMidi(0, 0x90, 60, 0);
            p.AddMidi(1, 0xC0, 5, 0);   // program change
            p.AddMidi(2, 0xB0, 1, 64);  // mod wheel
            p.AddMidi(3, 0xF8, 0, 0);   // clock
        });
        Command off = Assert.Single(commands);
        Assert.Equal(CommandKind.NoteOff, off.Kind);
        Assert.Equal(0, _processor.HeldNoteCount);
    }

    [Theory]
    [InlineData(0, 0.0)]
    [InlineData(8192, 0.5)]
    [InlineData(16383, 1.0)]
    public void PitchBend_14Bit_CentreIsExactlyHalf(int value, double normalized) =>
        Assert.Equal(normalized, PluginProcessor.PitchBendToNormalized(value));

    [Fact]
    public void NoteOff_ByNoteIdAlone_EndsThatNote()
    {
        Block(p => p.AddNote(NoteInput.NoteOn(0, 3, 61, 0.5, noteId: 77)));
        Command off = Assert.Single(Block(p => p.AddNote(NoteInput.NoteOff(0, -1, -1, noteId: 77))));
        Assert.Equal((CommandKind.NoteOff, (byte)3, (byte)61, 77), (off.Kind, off.Channel, off.Note, off.NoteId));
        Assert.Equal(0, _processor.HeldNoteCount);
    }

    [Fact]
    public void Expression_WithoutNoteId_FindsTheNoteByChannelAndKey()
    {
        Block(p => p.AddNote(NoteInput.NoteOn(0, 1, 64, 0.5, noteId: 5)));
        Command mpe = Assert.Single(Block(p => p.AddNote(NoteInput.NoteExpression(0, -1, NoteExpressionKind.Tuning, 0.5 + 48 / 240.0, channel: 1, pitch: 64))));
        Assert.Equal((CommandKind.Mpe, 5, 1f), (mpe.Kind, mpe.NoteId, mpe.PitchBend));
    }

    [Fact]
    public void ReleaseAll_OfAChannel_OfAKey_AndOfAll()
    {
        Block(p =>
        {
            p.AddNote(NoteInput.NoteOn(0, 1, 60, 0.5, noteId: 1));
            p.AddNote(NoteInput.NoteOn(0, 1, 62, 0.5, noteId: 2));
            p.AddNote(NoteInput.NoteOn(0, 4, 60, 0.5, noteId: 3));
        });
        List<Command> channel1 = Block(p => p.AddNote(NoteInput.ReleaseAll(0, channel: 1)));
        Assert.Equal([2, 1], channel1.Select(c => c.NoteId));
        Assert.All(channel1, c => Assert.Equal(CommandKind.NoteOff, c.Kind));
        Assert.Equal(1, _processor.HeldNoteCount);
        Assert.Empty(Block(p => p.AddNote(NoteInput.ReleaseAll(0, channel: -1, pitch: 61))));
        Assert.Equal(3, Assert.Single(Block(p => p.AddNote(NoteInput.ReleaseAll(0, channel: -1, pitch: 60)))).NoteId);
        Block(p => p.AddNote(NoteInput.NoteOn(0, 2, 50, 0.5, noteId: 4)));
        Assert.Equal(4, Assert.Single(Block(p => p.AddNote(NoteInput.ReleaseAll(0)))).NoteId);
    }

    [Fact]
    public void SetNormalized_BetweenBlocks_IsSentByTheNextBlock_HiddenIdsRefused()
    {
        Assert.True(_processor.SetNormalized(ParameterIds.WaveSpeed, 1.0));
        Assert.False(_processor.SetNormalized(ParameterIds.Midi(0, MidiControl.PitchBend), 1.0));
        Assert.False(_processor.SetNormalized(ParameterIds.Attack, double.NaN));
        Command param = Assert.Single(Block(_ => { }));
        Assert.Equal((CommandKind.Param, ParamId.WaveSpeed, 500f), (param.Kind, param.ParamId, param.ParamValue));
    }

    [Fact]
    public void RequestReleaseAll_ReleasesEverythingAtTheNextBlock()
    {
        Block(p => p.AddNote(NoteInput.NoteOn(0, 0, 60, 0.5, noteId: 9)));
        _processor.RequestReleaseAll();
        Command off = Assert.Single(Block(_ => { }));
        Assert.Equal((CommandKind.NoteOff, 9), (off.Kind, off.NoteId));
        Assert.Empty(Block(_ => { }));
    }

    public void Dispose() => _ring.Dispose();
}
