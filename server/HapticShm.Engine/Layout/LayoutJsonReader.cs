using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace HapticShm.Engine;

/// <summary>Reads the layout JSON with <see cref="JsonDocument"/> (no reflection, AOT-safe) and
/// reports every problem with its JSON path.</summary>
internal static class LayoutJsonReader
{
    public static (Vector2[] Positions, float[] Gains) Read(string json, string sourceName)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            string where = string.Create(CultureInfo.InvariantCulture, $"line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}");
            throw new LayoutException(sourceName, "$", $"malformed JSON at {where}", e);
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new LayoutException(sourceName, "$", "must be an object");
            if (!root.TryGetProperty("transducers", out JsonElement list)) throw new LayoutException(sourceName, "$.transducers", "missing");
            if (list.ValueKind != JsonValueKind.Array) throw new LayoutException(sourceName, "$.transducers", "must be an array");
            int count = list.GetArrayLength();
            if (count is 0 or > TransducerLayout.MaxCount)
                throw new LayoutException(sourceName, "$.transducers", string.Create(CultureInfo.InvariantCulture, $"needs 1..{TransducerLayout.MaxCount} transducers, found {count}"));

            var positions = new Vector2[count];
            var gains = new float[count];
            int i = 0;
            foreach (JsonElement item in list.EnumerateArray())
            {
                string path = string.Create(CultureInfo.InvariantCulture, $"$.transducers[{i}]");
                if (item.ValueKind != JsonValueKind.Object) throw new LayoutException(sourceName, path, "must be an object");
                float x = Number(item, "x", path, sourceName, required: true, fallback: 0);
                float y = Number(item, "y", path, sourceName, required: true, fallback: 0);
                float gain = Number(item, "gain", path, sourceName, required: false, fallback: 1);
                if (gain < 0) throw new LayoutException(sourceName, path + ".gain", string.Create(CultureInfo.InvariantCulture, $"must be >= 0, found {gain}"));
                positions[i] = new Vector2(x, y);
                gains[i] = gain;
                i++;
            }
            return (positions, gains);
        }
    }

    private static float Number(JsonElement item, string name, string path, string sourceName, bool required, float fallback)
    {
        string fieldPath = path + "." + name;
        if (!item.TryGetProperty(name, out JsonElement value))
        {
            if (required) throw new LayoutException(sourceName, fieldPath, "missing");
            return fallback;
        }
        // NaN/Infinity can only arrive as strings ("NaN"); name them so the message is clear.
        if (value.ValueKind == JsonValueKind.String)
        {
            string text = value.GetString() ?? "";
            bool nonFinite = text.Contains("nan", StringComparison.OrdinalIgnoreCase) || text.Contains("inf", StringComparison.OrdinalIgnoreCase);
            throw new LayoutException(sourceName, fieldPath, nonFinite ? $"must be a finite number, found \"{text}\" (NaN or infinity)" : $"not a number (found the string \"{text}\")");
        }
        if (value.ValueKind != JsonValueKind.Number)
            throw new LayoutException(sourceName, fieldPath, $"not a number (found {value.ValueKind.ToString().ToLowerInvariant()})");
        double number = value.GetDouble();
        if (!double.IsFinite(number) || !float.IsFinite((float)number))
            throw new LayoutException(sourceName, fieldPath, "must be a finite number (NaN, infinity or out of float range)");
        return (float)number;
    }
}
