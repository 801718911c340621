using System.Globalization;
using HapticShm.Plugin.Core.Parameters;
using HapticShm.Shared.Protocol;

namespace HapticShm.Plugin.Controller;

/// <summary>How parameter values read in the host (UI thread only; allocates freely).</summary>
internal static class ParameterText
{
    public static string Format(PluginParameter parameter, double normalized)
    {
        double plain = parameter.ToPlain(normalized);
        if (parameter.IsBypass) return plain >= 0.5 ? "On" : "Off";
        if (parameter.EngineParam == ParamId.Routing)
        {
            return (StimulusRouting)(int)Math.Round(plain) switch
            {
                StimulusRouting.Wave => "Wave",
                StimulusRouting.Standing => "Standing",
                StimulusRouting.Phantom => "Phantom",
                StimulusRouting.Stroke => "Stroke",
                _ => "By velocity",
            };
        }
        string number = plain.ToString(parameter.Max - parameter.Min >= 100 ? "0" : "0.00", CultureInfo.InvariantCulture);
        return parameter.Units.Length == 0 ? number : number + " " + parameter.Units;
    }

    public static bool TryParse(PluginParameter parameter, string text, out double normalized)
    {
        text = text.Trim();
        for (int i = 0; i <= parameter.StepCount && parameter.StepCount > 0; i++)
        {
            double candidate = (double)i / parameter.StepCount;
            if (string.Equals(Format(parameter, candidate), text, StringComparison.OrdinalIgnoreCase))
            {
                normalized = candidate;
                return true;
            }
        }
        string number = parameter.Units.Length > 0 && text.EndsWith(parameter.Units, StringComparison.Ordinal) ? text[..^parameter.Units.Length] : text;
        if (double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double plain))
        {
            normalized = parameter.ToNormalized(plain);
            return true;
        }
        normalized = 0;
        return false;
    }
}
