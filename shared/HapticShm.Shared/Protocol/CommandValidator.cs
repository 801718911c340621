using System.Runtime.CompilerServices;

namespace HapticShm.Shared.Protocol;

/// <summary>Checks a command before anything acts on it. Allocation-free; safe on an audio thread.</summary>
public static class CommandValidator
{
    /// <summary>Largest |coordinate| of a stroke end point, metres.</summary>
    public const float MaxStrokeMetres = 100f;
    /// <summary>Shortest stroke, ms.</summary>
    public const float MinStrokeMilliseconds = 1f;
    /// <summary>Longest stroke, ms.</summary>
    public const float MaxStrokeMilliseconds = 60_000f;

    /// <summary>Returns <see cref="CommandError.None"/> for a valid command, else the first problem found.</summary>
    public static CommandError Validate(in Command command)
    {
        if (command.Channel > 15) return CommandError.ChannelOutOfRange;
        if (command.TimestampNs < 0) return CommandError.BadTimestamp;
        // No NaN or infinity anywhere, even in fields this kind does not use.
        if (!float.IsFinite(command.Velocity)) return CommandError.VelocityOutOfRange;
        if (!float.IsFinite(command.Pressure)) return CommandError.PressureOutOfRange;
        if (!float.IsFinite(command.PitchBend)) return CommandError.PitchBendOutOfRange;
        if (!float.IsFinite(command.Timbre)) return CommandError.TimbreOutOfRange;
        if (!float.IsFinite(command.ParamValue)) return CommandError.ParamValueOutOfRange;
        switch (command.Kind)
        {
            case CommandKind.NoteOn:
                if (command.Note > 127) return CommandError.NoteOutOfRange;
                if (!InRange(command.Velocity, 0f, 1f)) return CommandError.VelocityOutOfRange;
                if (!InRange(command.Pressure, 0f, 1f)) return CommandError.PressureOutOfRange;
                if (!InRange(command.PitchBend, -1f, 1f)) return CommandError.PitchBendOutOfRange;
                if (!InRange(command.Timbre, 0f, 1f)) return CommandError.TimbreOutOfRange;
                return CommandError.None;
            case CommandKind.NoteOff:
                return command.Note > 127 ? CommandError.NoteOutOfRange : CommandError.None;
            case CommandKind.Mpe:
                return ValidateMpe(command);
            case CommandKind.Param:
                if (!ParamRanges.TryGet(command.ParamId, out float min, out float max, out _)) return CommandError.UnknownParam;
                return InRange(command.ParamValue, min, max) ? CommandError.None : CommandError.ParamValueOutOfRange;
            case CommandKind.Panic:
                return CommandError.None;
            case CommandKind.Stroke:
                return ValidateStroke(command);
            default:
                return CommandError.UnknownKind;
        }
    }

    /// <summary>True when <see cref="Validate"/> finds nothing wrong.</summary>
    public static bool IsValid(in Command command) => Validate(command) == CommandError.None;

    private static CommandError ValidateMpe(in Command command)
    {
        MpeFields values = command.Fields & ~MpeFields.PerNote;
        if ((command.Fields & ~MpeFields.All) != 0 || values == MpeFields.None) return CommandError.BadMpeFields;
        if ((command.Fields & MpeFields.PerNote) != 0 && command.NoteId == Command.NoNoteId) return CommandError.MissingNoteId;
        if ((values & MpeFields.Pressure) != 0 && !InRange(command.Pressure, 0f, 1f)) return CommandError.PressureOutOfRange;
        if ((values & MpeFields.PitchBend) != 0 && !InRange(command.PitchBend, -1f, 1f)) return CommandError.PitchBendOutOfRange;
        if ((values & MpeFields.Timbre) != 0 && !InRange(command.Timbre, 0f, 1f)) return CommandError.TimbreOutOfRange;
        return CommandError.None;
    }

    private static CommandError ValidateStroke(in Command command)
    {
        if (command.Note > 127) return CommandError.NoteOutOfRange;
        if (!InRange(command.Velocity, 0f, 1f)) return CommandError.VelocityOutOfRange;
        if (!InRange(command.Pressure, 0f, 1f)) return CommandError.PressureOutOfRange;
        if (!InRange(command.StrokeFromX, -MaxStrokeMetres, MaxStrokeMetres) || !InRange(command.StrokeFromY, -MaxStrokeMetres, MaxStrokeMetres)
            || !InRange(command.StrokeToX, -MaxStrokeMetres, MaxStrokeMetres) || !InRange(command.StrokeToY, -MaxStrokeMetres, MaxStrokeMetres))
            return CommandError.StrokePointOutOfRange;
        return InRange(command.StrokeMilliseconds, MinStrokeMilliseconds, MaxStrokeMilliseconds) ? CommandError.None : CommandError.StrokeDurationOutOfRange;
    }

    // NaN fails both comparisons, so it is out of every range.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool InRange(float value, float min, float max) => value >= min && value <= max;
}
