using System.Globalization;

namespace HapticShm.Server.Backends.Asio;

/// <summary>Turns the user's output channel list (indices, ranges, names) into driver indices.</summary>
public static class AsioChannelSelection
{
    /// <summary>Resolves <paramref name="spec"/> against the driver's output names; exactly
    /// <paramref name="channelCount"/> distinct channels must come out.</summary>
    /// <exception cref="AudioBackendException">An entry names no channel, repeats one, or the count is wrong.</exception>
    public static int[] Resolve(IReadOnlyList<string>? spec, IReadOnlyList<string> outputNames, int channelCount)
    {
        ArgumentNullException.ThrowIfNull(outputNames);
        if (spec is null || spec.Count == 0)
        {
            if (channelCount > outputNames.Count)
                throw new AudioBackendException($"the ASIO driver has {outputNames.Count} outputs but the server renders {channelCount} channels; pick fewer channels");
            return Enumerable.Range(0, channelCount).ToArray();
        }

        var selected = new List<int>();
        foreach (string entry in spec) AddEntry(entry.Trim(), outputNames, selected);
        if (selected.Count != selected.Distinct().Count())
            throw new AudioBackendException("an ASIO output channel is selected twice");
        if (selected.Count != channelCount)
            throw new AudioBackendException($"{selected.Count} ASIO output channels selected but the server renders {channelCount}");
        return selected.ToArray();
    }

    private static void AddEntry(string entry, IReadOnlyList<string> names, List<int> selected)
    {
        if (int.TryParse(entry, NumberStyles.None, CultureInfo.InvariantCulture, out int index))
        {
            selected.Add(CheckIndex(index, names.Count, entry));
            return;
        }
        int dash = entry.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0
            && int.TryParse(entry.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out int first)
            && int.TryParse(entry.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int last)
            && first <= last)
        {
            for (int i = first; i <= last; i++) selected.Add(CheckIndex(i, names.Count, entry));
            return;
        }
        for (int i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], entry, StringComparison.OrdinalIgnoreCase))
            {
                selected.Add(i);
                return;
            }
        }
        throw new AudioBackendException($"no ASIO output channel is named \"{entry}\" (use an index 0..{names.Count - 1}, a range a-b or a name the driver reports)");
    }

    private static int CheckIndex(int index, int count, string entry) =>
        (uint)index < (uint)count
            ? index
            : throw new AudioBackendException($"ASIO output channel {entry} does not exist: the driver has {count} outputs (0..{count - 1})");
}
