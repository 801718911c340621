using System.Globalization;

namespace HapticShm.Cli.Verbs;

/// <summary>Parses "500ms", "1.5s" or a bare number of milliseconds.</summary>
internal static class DurationParser
{
    public static TimeSpan Parse(string text)
    {
        text = text.Trim();
        double scale = 1;
        if (text.EndsWith("ms", StringComparison.OrdinalIgnoreCase)) text = text[..^2];
        else if (text.EndsWith('s') || text.EndsWith('S'))
        {
            text = text[..^1];
            scale = 1000;
        }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || value < 0 || !double.IsFinite(value))
            throw new FormatException($"'{text}' is not a duration (e.g. 500ms or 1.5s)");
        return TimeSpan.FromMilliseconds(value * scale);
    }
}
