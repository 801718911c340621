using HapticShm.Shared.Protocol;

namespace HapticShm.Shared.Tests;

public class CommandValidatorTests
{
    public static TheoryData<Command> ValidCommands() => new()
    {
        Command.NoteOn(0, 60, 1f, 10),
        Command.NoteOff(15, 127, 10),
        Command.Mpe(3, MpeFields.Pressure | MpeFields.PitchBend, 0.5f, -1f, 0f, 10),
        Command.MpeForNote(42, 3, MpeFields.Timbre, 0f, 0f, 1f, 10),
        Command.Param(ParamId.WaveSpeed, 500f, 10),
        Command.Panic(10),
        Command.Stroke(0, 60, 1f, 0f, 0f, 0.35f, 0.15f, 500f, 10),
        Command.Param(ParamId.Routing, (float)StimulusRouting.Stroke, 10),
    };

    [Theory]
    [MemberData(nameof(ValidCommands))]
    public void Validate_FactoryCommands_AreValid(Command command) =>
        Assert.Equal(CommandError.None, CommandValidator.Validate(command));

    public static TheoryData<string, CommandError> InvalidCommands() => new()
    {
        { "kind0", CommandError.UnknownKind },
        { "kind99", CommandError.UnknownKind },
        { "channel16", CommandError.ChannelOutOfRange },
        { "note128", CommandError.NoteOutOfRange },
        { "velocityNaN", CommandError.VelocityOutOfRange },
        { "velocity2", CommandError.VelocityOutOfRange },
        { "pressureNeg", CommandError.PressureOutOfRange },
        { "bendInf", CommandError.PitchBendOutOfRange },
        { "timbreNaN", CommandError.TimbreOutOfRange },
        { "mpeNoFields", CommandError.BadMpeFields },
        { "mpeUnknownBit", CommandError.BadMpeFields },
        { "mpePerNoteNoId", CommandError.MissingNoteId },
        { "paramUnknown", CommandError.UnknownParam },
        { "speedTooLow", CommandError.ParamValueOutOfRange },
        { "paramNaN", CommandError.ParamValueOutOfRange },
        { "negativeTime", CommandError.BadTimestamp },
        { "strokeNaN", CommandError.StrokePointOutOfRange },
        { "strokeFar", CommandError.StrokePointOutOfRange },
        { "strokeZeroMs", CommandError.StrokeDurationOutOfRange },
        { "strokeTooLong", CommandError.StrokeDurationOutOfRange },
        { "strokeNote128", CommandError.NoteOutOfRange },
        { "routing5", CommandError.ParamValueOutOfRange },
    };

    [Theory]
    [MemberData(nameof(InvalidCommands))]
    public void Validate_BrokenCommands_SaysWhy(string name, CommandError expected)
    {
        Command command = name switch
        {
            "kind0" => default,
            "kind99" => Command.NoteOn(0, 60, 1f, 0) with { Kind = (CommandKind)99 },
            "channel16" => Command.NoteOn(16, 60, 1f, 0),
            "note128" => Command.NoteOn(0, 128, 1f, 0),
            "velocityNaN" => Command.NoteOn(0, 60, float.NaN, 0),
            "velocity2" => Command.NoteOn(0, 60, 2f, 0),
            "pressureNeg" => Command.Mpe(0, MpeFields.Pressure, -0.1f, 0, 0, 0),
            "bendInf" => Command.Mpe(0, MpeFields.PitchBend, 0, float.PositiveInfinity, 0, 0),
            "timbreNaN" => Command.Mpe(0, MpeFields.Timbre, 0, 0, float.NaN, 0),
            "mpeNoFields" => Command.Mpe(0, MpeFields.None, 0, 0, 0, 0),
            "mpeUnknownBit" => Command.Mpe(0, (MpeFields)0x30, 0, 0, 0, 0),
            "mpePerNoteNoId" => Command.MpeForNote(Command.NoNoteId, 0, MpeFields.Pressure, 0, 0, 0, 0),
            "paramUnknown" => Command.Param((ParamId)777, 1f, 0),
            "speedTooLow" => Command.Param(ParamId.WaveSpeed, 19f, 0),
            "paramNaN" => Command.Param(ParamId.Ceiling, float.NaN, 0),
            "negativeTime" => Command.Panic(-1),
            "strokeNaN" => Command.Stroke(0, 60, 1f, 0f, float.NaN, 0.3f, 0f, 500f, 0),
            "strokeFar" => Command.Stroke(0, 60, 1f, 0f, 0f, 0f, 101f, 500f, 0),
            "strokeZeroMs" => Command.Stroke(0, 60, 1f, 0f, 0f, 0.3f, 0f, 0f, 0),
            "strokeTooLong" => Command.Stroke(0, 60, 1f, 0f, 0f, 0.3f, 0f, 60_001f, 0),
            "strokeNote128" => Command.Stroke(0, 128, 1f, 0f, 0f, 0.3f, 0f, 500f, 0),
            "routing5" => Command.Param(ParamId.Routing, 5f, 0),
            _ => throw new ArgumentException(name),
        };
        Assert.Equal(expected, CommandValidator.Validate(command));
    }

    [Fact]
    public void Validate_MpeIgnoresRangesOfValuesItDoesNotCarry() =>
        Assert.True(CommandValidator.IsValid(Command.Mpe(0, MpeFields.Pressure, 0.5f, 7f, -3f, 0)));

    [Fact]
    public void Validate_NaNInAnUnusedField_IsStillRejected() =>
        Assert.Equal(CommandError.TimbreOutOfRange, CommandValidator.Validate(Command.Mpe(0, MpeFields.Pressure, 0.5f, 0f, float.NaN, 0)));
}
