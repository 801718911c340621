using System.Globalization;
using HapticShm.Shared.Protocol;

namespace HapticShm.Cli.Verbs;

/// <summary>The user-facing names of engine parameters (`send param wave-speed 150`).</summary>
internal static class ParamNames
{
    public static readonly IReadOnlyDictionary<string, ParamId> ByName = new Dictionary<string, ParamId>(StringComparer.OrdinalIgnoreCase)
    {
        ["wave-speed"] = ParamId.WaveSpeed,
        ["routing"] = ParamId.Routing,
        ["ceiling"] = ParamId.Ceiling,
        ["attack"] = ParamId.AttackSeconds,
        ["release"] = ParamId.ReleaseSeconds,
        ["master-gain"] = ParamId.MasterGain,
    };

    /// <summary>The routing names, in <see cref="StimulusRouting"/> order.</summary>
    public static readonly IReadOnlyList<string> RoutingNames = ["by-velocity", "wave", "standing", "phantom", "stroke"];

    /// <summary>Parses a value; routing also takes by-velocity, wave, standing, phantom, stroke.</summary>
    public static float ParseValue(ParamId id, string text)
    {
        if (id == ParamId.Routing)
        {
            switch (text.ToLowerInvariant())
            {
                case "by-velocity": return (float)StimulusRouting.ByVelocity;
                case "wave": return (float)StimulusRouting.Wave;
                case "standing": return (float)StimulusRouting.Standing;
                case "phantom": return (float)StimulusRouting.Phantom;
                case "stroke": return (float)StimulusRouting.Stroke;
            }
        }
        if (!float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out float value))
            throw new FormatException($"'{text}' is not a number");
        ParamRanges.TryGet(id, out float min, out float max, out _);
        if (!(value >= min && value <= max)) throw new FormatException($"{text} is outside {min}..{max}");
        return value;
    }
}
