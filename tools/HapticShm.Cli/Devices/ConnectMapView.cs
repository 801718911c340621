using System.Globalization;
using System.Text;
using HapticShm.Jack;
using HapticShm.Server.Backends.Jack;

namespace HapticShm.Cli.Devices;

/// <summary>The lines <c>hapticshm devices</c> prints for a connect map: each connection and
/// whether it is live on the JACK server right now.</summary>
internal static class ConnectMapView
{
    /// <summary>One line per entry: <c>line N  client:out_K -> destination  state</c>; without a
    /// JACK server (<paramref name="jack"/> null) every state says so.</summary>
    public static string Format(ConnectMap map, JackClient? jack, string serverClient, string origin)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        var rows = new List<(string Line, string Source, string Destination, string State)>();
        foreach (ConnectMapEntry entry in map.Entries)
        {
            string source = $"{serverClient}:{entry.SourcePort}";
            string state = State(jack, source, entry.Destination);
            rows.Add(($"line {entry.Line.ToString(c)}", source, entry.Destination, state));
        }
        text.AppendLine(c, $"connect map {map.SourceName} ({origin}): {rows.Count(r => r.State == "live")} of {rows.Count} connections live");
        int lineWidth = rows.Select(r => r.Line.Length).DefaultIfEmpty(0).Max();
        int sourceWidth = rows.Select(r => r.Source.Length).DefaultIfEmpty(0).Max();
        int destinationWidth = rows.Select(r => r.Destination.Length).DefaultIfEmpty(0).Max();
        foreach (var row in rows)
            text.AppendLine(c, $"  {row.Line.PadRight(lineWidth)}  {row.Source.PadRight(sourceWidth)} -> {row.Destination.PadRight(destinationWidth)}  {row.State}");
        return text.ToString().TrimEnd();
    }

    private static string State(JackClient? jack, string source, string destination)
    {
        if (jack is null) return "not live: no JACK server";
        bool hasSource = jack.PortExists(source), hasDestination = jack.PortExists(destination);
        if (!hasSource && !hasDestination) return $"missing: no port {source} (is the server running with this many transducers?) and no port {destination}";
        if (!hasSource) return $"missing: no port {source} (is the server running with this many transducers?)";
        if (!hasDestination) return $"missing: no port {destination} (is its client running?)";
        return jack.GetConnections(source).Contains(destination, StringComparer.Ordinal) ? "live" : "not connected (both ports exist)";
    }
}
