using HapticShm.Cli.Midi;
using HapticShm.Shared.Protocol;

namespace HapticShm.Cli.Tests;

public sealed class MidiToCommandsTests
{
    private const long T = 1_000_000;
    private readonly MidiToCommands _converter = new();
    private readonly Command[] _buffer = new Command[MidiToCommands.MaxCommandsPerMessage];

    private Command[] Feed(byte status, byte data1, byte data2 = 0)
    {
        int count = _converter.Convert(status, data1, data2, T, _buffer);
        var commands = _buffer[..count];
        Assert.All(commands, c => Assert.Equal(CommandError.None, CommandValidator.Validate(c)));
        return commands;
    }

    private void FeedRpn(int channel, int rpn, byte value)
    {
        byte cc = (byte)(0xB0 | channel);
        Feed(cc, 101, (byte)(rpn >> 7));
        Feed(cc, 100, (byte)(rpn & 0x7F));
        Feed(cc, 6, value);
    }

    [Fact]
    public void Convert_NoteOn_ScalesVelocityAndKeepsChannelAndTime()
    {
        var on = Assert.Single(Feed(0x93, 45, 127));

        Assert.Equal(CommandKind.NoteOn, on.Kind);
        Assert.Equal(3, on.Channel);
        Assert.Equal(45, on.Note);
        Assert.Equal(1f, on.Velocity);
        Assert.Equal(T, on.TimestampNs);
        Assert.Equal(1f, on.Pressure); // no pressure seen yet: full
        Assert.Equal(0f, on.PitchBend);
        Assert.Equal(64f / 127f, Assert.Single(Feed(0x93, 46, 64)).Velocity, 1e-6f);
    }

    [Theory]
    [InlineData(3, StimulusRouting.Phantom)]
    [InlineData(4, StimulusRouting.Stroke)]
    [InlineData(127, StimulusRouting.Stroke)]
    [InlineData(0, StimulusRouting.ByVelocity)]
    public void Convert_Cc9_SetsTheRouting(byte value, StimulusRouting expected)
    {
        var param = Assert.Single(Feed(0xB5, MidiToCommands.CcRouting, value));
        Assert.Equal((CommandKind.Param, ParamId.Routing, (float)expected, T), (param.Kind, param.ParamId, param.ParamValue, param.TimestampNs));
    }

    [Fact]
    public void Convert_NoteOnVelocityZero_IsANoteOff()
    {
        Feed(0x92, 50, 90);

        var off = Assert.Single(Feed(0x92, 50, 0));

        Assert.Equal(CommandKind.NoteOff, off.Kind);
        Assert.Equal(2, off.Channel);
        Assert.Equal(50, off.Note);
    }

    [Theory]
    [InlineData(0x7F, 0x7F, 1f)]      // 16383: full up
    [InlineData(0x00, 0x40, 0f)]      // 8192: centre
    [InlineData(0x00, 0x00, -1f)]     // 0: full down
    [InlineData(0x00, 0x20, -0.5f)]   // 4096: half down
    public void Convert_MemberChannelBend_SpansTheFullRange(byte lsb, byte msb, float expected)
    {
        var bend = Assert.Single(Feed(0xE4, lsb, msb));

        Assert.Equal(CommandKind.Mpe, bend.Kind);
        Assert.Equal(MpeFields.PitchBend, bend.Fields);
        Assert.Equal(4, bend.Channel);
        Assert.Equal(expected, bend.PitchBend, 1e-6f);
    }

    [Fact]
    public void Convert_MasterChannelBend_GoesToEveryZoneChannelScaledByItsRange()
    {
        var commands = Feed(0xE0, 0x7F, 0x7F);

        Assert.Equal(16, commands.Length); // master + 15 members
        Assert.Equal(Enumerable.Range(0, 16), commands.Select(c => (int)c.Channel).Order());
        Assert.All(commands, c => Assert.Equal(2f / MidiToCommands.FullScaleSemitones, c.PitchBend, 1e-6f));
    }

    [Fact]
    public void Convert_MemberBendPlusMasterBend_AddsAndClips()
    {
        Feed(0xE0, 0x7F, 0x7F);                       // master +2 semitones
        var member = Assert.Single(Feed(0xE5, 0x00, 0x20)); // member -24 semitones
        Assert.Equal((-24f + 2f) / 48f, member.PitchBend, 1e-5f);

        var clipped = Assert.Single(Feed(0xE5, 0x7F, 0x7F)); // +48 + 2 semitones
        Assert.Equal(1f, clipped.PitchBend);
    }

    [Fact]
    public void Convert_BendRangeRpn_RescalesTheWholeZone()
    {
        FeedRpn(channel: 2, rpn: 0, value: 24);

        Assert.Equal(24f, _converter.GetBendRangeSemitones(9));
        Assert.Equal(0.5f, Assert.Single(Feed(0xE9, 0x7F, 0x7F)).PitchBend, 1e-6f);
        Assert.Equal(MidiToCommands.MasterBendRangeDefault, _converter.GetBendRangeSemitones(0));
    }

    [Fact]
    public void SetBendRangeSemitones_SmallerRange_ShrinksTheNormalisedBend()
    {
        _converter.SetBendRangeSemitones(6, 12);

        Assert.Equal(0.25f, Assert.Single(Feed(0xE6, 0x7F, 0x7F)).PitchBend, 1e-6f);
    }

    [Fact]
    public void Convert_ChannelPressureAndCc74_GivePressureAndTimbre()
    {
        var pressure = Assert.Single(Feed(0xD7, 100));
        var timbre = Assert.Single(Feed(0xB7, 74, 32));

        Assert.Equal(MpeFields.Pressure, pressure.Fields);
        Assert.Equal(100f / 127f, pressure.Pressure, 1e-6f);
        Assert.Equal(MpeFields.Timbre, timbre.Fields);
        Assert.Equal(32f / 127f, timbre.Timbre, 1e-6f);
        var on = Assert.Single(Feed(0x97, 40, 100)); // a later note starts from the channel's state
        Assert.Equal(100f / 127f, on.Pressure, 1e-6f);
        Assert.Equal(32f / 127f, on.Timbre, 1e-6f);
    }

    [Fact]
    public void Convert_PolyPressureWithOneNoteOn_BecomesChannelPressure()
    {
        Feed(0x93, 48, 100);

        var pressure = Assert.Single(Feed(0xA3, 48, 127));

        Assert.Equal(CommandKind.Mpe, pressure.Kind);
        Assert.Equal(1f, pressure.Pressure);
        Assert.Equal(0, _converter.IgnoredPolyPressureCount);
    }

    [Fact]
    public void Convert_PolyPressureWithSeveralNotesOn_IsIgnoredAndCounted()
    {
        Feed(0x93, 48, 100);
        Feed(0x93, 52, 100);

        Assert.Empty(Feed(0xA3, 48, 127));
        Assert.Empty(Feed(0xA4, 60, 127)); // no note on that channel at all
        Assert.Equal(2, _converter.IgnoredPolyPressureCount);
    }

    [Fact]
    public void Convert_MpeConfigurationUpperZone_ShrinksLowerZoneAndRoutesMasterMessages()
    {
        FeedRpn(channel: 15, rpn: 6, value: 4);

        Assert.True(_converter.Zones.IsConfigured);
        Assert.Equal(4, _converter.Zones.UpperMemberCount);
        Assert.Equal(10, _converter.Zones.LowerMemberCount);
        var upper = Feed(0xDF, 127);
        Assert.Equal([11, 12, 13, 14, 15], upper.Select(c => (int)c.Channel).Order());
        var lower = Feed(0xD0, 127);
        Assert.Equal(Enumerable.Range(0, 11), lower.Select(c => (int)c.Channel).Order());
    }

    [Fact]
    public void Convert_MpeConfigurationLowerZone_LeavesOtherChannelsOutsideWithTwoSemitoneBend()
    {
        FeedRpn(channel: 0, rpn: 6, value: 3);

        Assert.Equal(3, _converter.Zones.LowerMemberCount);
        Assert.Equal(4, Feed(0xE0, 0x00, 0x40).Length);               // master + members 1..3
        Assert.Equal(1f, Assert.Single(Feed(0xE3, 0x7F, 0x7F)).PitchBend); // member: +-48
        Assert.Equal(2f / 48f, Assert.Single(Feed(0xE4, 0x7F, 0x7F)).PitchBend, 1e-6f); // outside: +-2
    }

    [Fact]
    public void Convert_Rpn6OnAChannelThatCannotBeMaster_ChangesNothing()
    {
        FeedRpn(channel: 5, rpn: 6, value: 3);

        Assert.False(_converter.Zones.IsConfigured);
        Assert.Equal(15, _converter.Zones.LowerMemberCount);
    }

    [Fact]
    public void Convert_FileEvent_TimestampIsStartPlusSeconds()
    {
        var e = new MidiChannelEvent(1.25, 240, 0, 0, 0x90, 40, 100);

        int count = _converter.Convert(e, 5_000_000_000, _buffer);

        Assert.Equal(1, count);
        Assert.Equal(5_000_000_000 + 1_250_000_000, _buffer[0].TimestampNs);
    }

    [Fact]
    public void Convert_EveryPossibleMessage_ProducesOnlyValidCommands()
    {
        var random = new Random(1234);
        for (int i = 0; i < 50_000; i++)
        {
            byte status = (byte)random.Next(0x80, 0x100);
            byte data1 = (byte)random.Next(0, 256), data2 = (byte)random.Next(0, 256);
            int count = _converter.Convert(status, data1, data2, random.NextInt64(0, long.MaxValue / 2), _buffer);
            for (int c = 0; c < count; c++) Assert.Equal(CommandError.None, CommandValidator.Validate(_buffer[c]));
        }
    }

    [Fact]
    public void Convert_AfterWarmUp_AllocatesNothing()
    {
        byte[][] messages = [[0x91, 40, 100], [0xE1, 0x10, 0x50], [0xD1, 90], [0xB1, 74, 20], [0xE0, 0, 0x60], [0xA1, 40, 30], [0x81, 40, 0]];
        foreach (var m in messages) _converter.Convert(m[0], m[1], m.Length > 2 ? m[2] : (byte)0, T, _buffer);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++)
            foreach (var m in messages) _converter.Convert(m[0], m[1], m.Length > 2 ? m[2] : (byte)0, T + i, _buffer);

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void ConvertFile_DemoSequence_GivesValidTimeOrderedCommands()
    {
        var midi = MidiFile.Parse(DemoSequence.Build(), "demo.mid");

        var commands = MidiToCommands.ConvertFile(midi, startNs: 1_000);

        Assert.All(commands, c => Assert.Equal(CommandError.None, CommandValidator.Validate(c)));
        Assert.True(commands.Zip(commands.Skip(1)).All(p => p.First.TimestampNs <= p.Second.TimestampNs));
        Assert.Equal(4, commands.Count(c => c.Kind == CommandKind.NoteOn));
        Assert.Equal(4, commands.Count(c => c.Kind == CommandKind.NoteOff));
        Assert.Contains(commands, c => c.Kind == CommandKind.Mpe && c.Fields == MpeFields.PitchBend && c.PitchBend == -1f);
        Assert.Contains(commands, c => c.Kind == CommandKind.Mpe && c.Fields == MpeFields.PitchBend && c.PitchBend > 0.99f);
    }

    [Fact]
    public void ConvertFile_NoteLeftOn_IsReleasedAtTheEndOfTheFile()
    {
        byte[] file = SmfBytes.File(0, 96, [0x00, 0x95, 33, 100, 0x60, 0x95, 34, 100, 0x60, 0x85, 34, 0, 0x60, 0xFF, 0x2F, 0x00]);
        var midi = MidiFile.Parse(file, "hanging.mid");

        var commands = MidiToCommands.ConvertFile(midi, startNs: 0);

        var last = commands[^1];
        Assert.Equal(CommandKind.NoteOff, last.Kind);
        Assert.Equal(33, last.Note);
        Assert.Equal(5, last.Channel);
        Assert.Equal(1_500_000_000, last.TimestampNs); // end of track: 3 quarters at 120 bpm
        Assert.Equal(2, commands.Count(c => c.Kind == CommandKind.NoteOff));
    }

    [Fact]
    public void ReleaseAll_AfterNotes_EmitsOneNoteOffEachAndClears()
    {
        Feed(0x91, 40, 100);
        Feed(0x92, 41, 100);
        Feed(0x92, 41, 0);
        Feed(0x93, 42, 100);
        var output = new List<Command>();

        _converter.ReleaseAll(T, output);

        Assert.Equal([(1, 40), (3, 42)], output.Select(c => ((int)c.Channel, (int)c.Note)));
        Assert.Equal(0, _converter.SoundingNoteCount);
    }
}
