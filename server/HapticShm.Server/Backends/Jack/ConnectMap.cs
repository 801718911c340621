using System.Globalization;

namespace HapticShm.Server.Backends.Jack;

/// <summary>
/// The <c>--connect-map FILE</c> of the server: which JACK port each of our outputs feeds, so that
/// one array can span several interfaces (alsa_out / zita-j2a clients, a netjack2 slave). One
/// connection per line, <c>out_N client:port</c> (or just <c>N</c>; <c>out_033</c> is
/// <c>out_33</c>); the destination is the rest of the line, so port names with spaces work; one
/// output may go to several destinations; <c>#</c> starts a comment. Parsed before the audio
/// starts; every problem names the file and line.
/// </summary>
public sealed class ConnectMap
{
    private ConnectMap(string sourceName, IReadOnlyList<ConnectMapEntry> entries)
    {
        SourceName = sourceName;
        Entries = entries;
    }

    /// <summary>The file it came from (as given).</summary>
    public string SourceName { get; }

    /// <summary>The connections, in file order.</summary>
    public IReadOnlyList<ConnectMapEntry> Entries { get; }

    /// <summary>Reads <paramref name="path"/> for a server with <paramref name="channelCount"/> outputs.</summary>
    public static ConnectMap Load(string path, int channelCount)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConnectMapException($"{path}: cannot read the file ({e.Message})", e);
        }
        return Parse(text, path, channelCount);
    }

    /// <summary>Parses map text; <paramref name="sourceName"/> names it in error messages.</summary>
    public static ConnectMap Parse(string text, string sourceName, int channelCount)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sourceName);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channelCount);
        var entries = new List<ConnectMapEntry>();
        var seen = new HashSet<(int, string)>();
        string[] lines = text.ReplaceLineEndings("\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            int lineNumber = i + 1;
            string line = StripComment(lines[i]).Trim();
            if (line.Length == 0) continue;
            int space = line.IndexOfAny([' ', '\t']);
            string source = space < 0 ? line : line[..space];
            string destination = space < 0 ? "" : line[(space + 1)..].Trim();
            int channel = ParseSource(source, channelCount, sourceName, lineNumber);
            if (destination.Length == 0)
                throw Error(sourceName, lineNumber, $"'{source}' has no destination: write '{source} system:playback_1' (our port, then the JACK port it feeds)");
            int colon = destination.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || colon == destination.Length - 1)
                throw Error(sourceName, lineNumber, $"'{destination}' is not a full JACK port name: write client:port, e.g. system:playback_1");
            if (!seen.Add((channel, destination)))
                throw Error(sourceName, lineNumber, $"out_{channel} -> {destination} is listed twice");
            entries.Add(new ConnectMapEntry(lineNumber, channel, destination));
        }
        return new ConnectMap(sourceName, entries);
    }

    private static string StripComment(string line)
    {
        int hash = line.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? line : line[..hash];
    }

    // out_N, out_00N or N; our client may be named too (hapticshm:out_N).
    private static int ParseSource(string source, int channelCount, string sourceName, int line)
    {
        string name = source;
        int colon = name.LastIndexOf(':');
        if (colon >= 0) name = name[(colon + 1)..];
        string digits = name.StartsWith("out_", StringComparison.Ordinal) ? name[4..] : name;
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit) || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int channel))
            throw Error(sourceName, line, $"'{source}' is not one of our ports: write out_1 .. out_{channelCount} (or the number alone)");
        if (channel < 1 || channel > channelCount)
            throw Error(sourceName, line, $"'{source}': the layout has {channelCount} transducers, so the ports are out_1 .. out_{channelCount}");
        return channel;
    }

    private static ConnectMapException Error(string sourceName, int line, string problem) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{sourceName}: line {line}: {problem}"));
}
