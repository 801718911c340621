using HapticShm.Shared.Protocol;

namespace HapticShm.Engine.Tests;

public sealed class SafetyTests
{
    public static TheoryData<Command> BadCommands() => new()
    {
        new Command { Kind = CommandKind.NoteOn, Note = 60, Velocity = float.NaN, Pressure = 1, Timbre = 0.5f, NoteId = -1 },
        new Command { Kind = CommandKind.NoteOn, Note = 60, Velocity = 1, Pressure = float.PositiveInfinity, NoteId = -1 },
        new Command { Kind = CommandKind.NoteOn, Note = 200, Velocity = 1, Pressure = 1, NoteId = -1 },
        new Command { Kind = CommandKind.NoteOn, Note = 60, Velocity = 7, Pressure = 1, NoteId = -1 },
        new Command { Kind = CommandKind.Mpe, Fields = MpeFields.PitchBend, PitchBend = float.NaN, NoteId = -1 },
        Command.Param(ParamId.MasterGain, 3f, 0),
        Command.Param(ParamId.WaveSpeed, 1f, 0),
        Command.Param((ParamId)99, 1f, 0),
        new Command { Kind = (CommandKind)42, NoteId = -1 },
        Command.NoteOn(0, 60, 0.5f, -5),
    };

    [Theory]
    [MemberData(nameof(BadCommands))]
    public void Submit_InvalidCommand_RejectedCountedAndSilent(Command command)
    {
        var rig = new EngineRig();
        Assert.False(rig.Engine.Submit(command, 0));
        Assert.Equal(1, rig.Engine.Counters.Rejected);
        float[][] output = rig.Render(1024);
        foreach (float[] channel in output) Assert.Equal(0f, EngineRig.MaxAbs(channel));
        Assert.Equal(0, rig.Engine.ActiveVoices);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(16)]
    public void Submit_UnknownClient_Rejected(int clientId)
    {
        var rig = new EngineRig();
        Assert.False(rig.Engine.Submit(Command.NoteOn(0, 60, 0.5f, 0), clientId));
        Assert.Equal(1, rig.Engine.Counters.Rejected);
    }

    [Theory]
    [InlineData(1f)]
    [InlineData(0.3f)]
    [InlineData(0f)]
    public void Render_ManyLoudVoices_NeverExceedTheCeiling(float ceiling)
    {
        var rig = new EngineRig();
        rig.Param(ParamId.Ceiling, ceiling);
        rig.Param(ParamId.AttackSeconds, 0f);
        rig.Param(ParamId.Routing, (float)StimulusRouting.Standing);
        for (int i = 0; i < 4; i++) rig.Submit(Command.NoteOn((byte)i, 40, 1f, rig.Ns(0)));
        float[][] output = rig.Render(4800);
        foreach (float[] channel in output) Assert.True(EngineRig.MaxAbs(channel) <= ceiling);
        Assert.Equal(ceiling, EngineRig.MaxAbs(output[0]));
        Assert.Equal(ceiling, rig.Engine.Levels[0]);
    }

    [Fact]
    public void Render_MasterGain_ScalesOutputAfterARamp()
    {
        var rig = new EngineRig();
        rig.Param(ParamId.Routing, (float)StimulusRouting.Standing);
        rig.Param(ParamId.AttackSeconds, 0f);
        rig.Submit(Command.NoteOn(0, 60, 0.8f, rig.Ns(0)));
        rig.Param(ParamId.MasterGain, 0.25f, 2400);
        float[][] output = rig.Render(4800);
        Assert.Equal(0.8f, EngineRig.MaxAbs(output[0].AsSpan(0, 2400)), 2);
        Assert.Equal(0.2f, EngineRig.MaxAbs(output[0].AsSpan(2400 + 240)), 2);
        Assert.True(EngineRig.MaxStep(output[0]) < 0.8 * 2 * Math.PI * 262 / 48000 + 1e-3);
    }
}
