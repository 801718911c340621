using System.Globalization;
using HapticShm.Cli.Status;
using Spectre.Console;

namespace HapticShm.Cli.Monitor;

/// <summary>
/// The monitor's table of client rings, fitted to the console width: the numbers keep their
/// columns and the client name gets what is left, cut with an ellipsis. Too narrow for the full
/// headers and padding, it switches to short headers and one space between columns, then leaves
/// out the pid, rejected, late and voices columns, in that order, until the name has room.
/// </summary>
internal static class RingTable
{
    private static readonly string[] FullHeaders = ["client", "pid", "fill", "push/s", "pop/s", "dropped", "rejected", "late", "heartbeat", "voices"];
    private static readonly string[] ShortHeaders = ["client", "pid", "fill", "push/s", "pop/s", "drop", "rej", "late", "hb", "voices"];
    private const int MinNameWidth = 16;
    private const int MinShortNameWidth = 10;
    private static readonly int[] DroppedWhenNarrow = [1, 6, 7, 9];
    private const int Ellipsis = 1;

    public static Table Build(StatusReport now, StatusReport? before, double interval, int width)
    {
        var cells = now.Clients.Select(client => Cells(client, before, interval)).ToList();
        var keep = Enumerable.Range(0, FullHeaders.Length).ToList();
        string[] names = FullHeaders;
        int padding = 2;
        int nameWidth = NameWidth(names, keep, cells, padding, width);
        if (nameWidth < MinNameWidth)
        {
            names = ShortHeaders;
            padding = 1;
            nameWidth = NameWidth(names, keep, cells, padding, width);
        }
        foreach (int column in DroppedWhenNarrow)
        {
            if (nameWidth >= MinShortNameWidth) break;
            keep.Remove(column);
            nameWidth = NameWidth(names, keep, cells, padding, width);
        }

        var table = new Table().Border(TableBorder.Rounded).Title("rings");
        foreach (int i in keep)
        {
            var column = new TableColumn(names[i]).Padding(padding == 2 ? 1 : 0, 0, 1, 0).NoWrap();
            table.AddColumn(i == 0 ? column.LeftAligned() : column.RightAligned());
        }
        foreach (string[] row in cells)
        {
            table.AddRow([.. keep.Select(i => i switch
            {
                0 => Markup.Escape(Fit(row[0], Math.Max(names[0].Length, nameWidth))),
                >= 5 and <= 7 when row[i] != "0" => $"[red]{row[i]}[/]", // dropped, rejected, late
                _ => row[i],
            })]);
        }
        if (cells.Count == 0) table.AddRow(["[grey]none[/]", .. Enumerable.Repeat("", keep.Count - 1)]);
        return table;
    }

    /// <summary><paramref name="text"/> in at most <paramref name="width"/> columns, ending in … when cut.</summary>
    public static string Fit(string text, int width) =>
        text.Length <= width ? text : width <= Ellipsis ? "…"[..Math.Max(0, width)] : text[..(width - Ellipsis)] + "…";

    // What the name column may use: the width less the borders, the padding and every other column kept.
    private static int NameWidth(string[] names, List<int> keep, List<string[]> cells, int padding, int width)
    {
        int used = keep.Count + 1 + keep.Count * padding; // one border per column plus the last
        foreach (int i in keep.Where(i => i != 0))
            used += cells.Select(row => row[i].Length).Append(names[i].Length).Max();
        return width - used;
    }

    private static string[] Cells(ClientReport client, StatusReport? before, double interval)
    {
        var c = CultureInfo.InvariantCulture;
        var previous = before?.Clients.FirstOrDefault(p => p.Slot == client.Slot && p.Pid == client.Pid);
        string Rate(long current, long? last) => last is long l && interval > 0 ? ((current - l) / interval).ToString("F0", c) : "-";
        return
        [
            client.Name,
            client.Pid.ToString(c),
            $"{client.Fill.ToString(c)}/{client.Capacity.ToString(c)}",
            Rate(client.Pushed, previous?.Pushed),
            Rate(client.Popped, previous?.Popped),
            client.Dropped.ToString(c),
            client.Rejected.ToString(c),
            client.Late.ToString(c),
            client.HeartbeatAgeMs < 0 ? "never" : $"{client.HeartbeatAgeMs.ToString("F0", c)} ms",
            client.Voices.ToString(c),
        ];
    }
}
