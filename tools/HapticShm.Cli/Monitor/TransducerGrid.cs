using System.Globalization;
using Spectre.Console;

namespace HapticShm.Cli.Monitor;

/// <summary>
/// The monitor's transducer panel for 1..256 transducers, laid out as the array is: one line per
/// distinct y (top line = smallest y, as in the layout file), one column per distinct x, so a
/// 4 x 8 or a 16 x 16 grid looks like itself. When the levels as numbers (" 0.42 ", 7 columns a
/// cell) do not fit the width, each cell becomes a two-column shade block (░▒▓█, coloured); a
/// line still too long wraps. Layouts whose x values are all different (a ring, a scatter) are
/// packed in index order instead, and so are reports without positions.
/// </summary>
internal static class TransducerGrid
{
    /// <summary>Columns the panel's border and padding take.</summary>
    public const int PanelChrome = 4;
    /// <summary>Columns a cell takes with its number, separator included.</summary>
    public const int WideCell = 7;
    /// <summary>Columns a shade cell takes, separator included.</summary>
    public const int CompactCell = 3;
    /// <summary>Marks a place in the grid where the layout has no transducer.</summary>
    public const int Gap = -1;

    private const float PositionResolution = 1e-4f; // 0.1 mm: positions closer than this share a row or column
    private const int UnpositionedColumns = 8;
    private static readonly string[] Shades = ["grey15", "navy", "blue", "dodgerblue1", "green", "yellow", "orange1", "red"];
    private static readonly string[] Blocks = ["··", "░░", "▒▒", "▓▓", "██"];

    /// <summary>The panel for <paramref name="levels"/>, at most <paramref name="width"/> columns wide.</summary>
    public static Panel Build(IReadOnlyList<float> levels, IReadOnlyList<float>? x, IReadOnlyList<float>? y, int width)
    {
        int inside = Math.Max(CompactCell, width - PanelChrome);
        int[][] rows = Arrange(levels.Count, x, y, inside / CompactCell);
        int columns = rows.Length == 0 ? 0 : rows.Max(r => r.Length);
        bool wide = columns * WideCell - 1 <= inside;
        int perLine = Math.Max(1, (inside + 1) / (wide ? WideCell : CompactCell));
        var lines = new List<string>();
        foreach (int[] row in rows)
        {
            for (int start = 0; start < row.Length; start += perLine)
            {
                IEnumerable<string> cells = row.Skip(start).Take(perLine).Select(i => Cell(i < 0 ? float.NaN : levels[i], wide));
                lines.Add(string.Join(" ", cells).TrimEnd());
            }
        }
        string header = wide
            ? $"transducers (peak level, {levels.Count})"
            : $"transducers ({levels.Count}) ·· 0 ░▒▓█ 1";
        return new Panel(new Markup(string.Join("\n", lines))).Header(header);
    }

    /// <summary>The grid: rows of transducer indices (<see cref="Gap"/> where a row has no
    /// transducer in a column). Rows by distinct y, columns by distinct x, when the layout has at
    /// most <paramref name="maxColumns"/> distinct x values; otherwise index order, as many to a
    /// row as fit (8 without positions, like the default 4 x 8 array).</summary>
    public static int[][] Arrange(int count, IReadOnlyList<float>? x, IReadOnlyList<float>? y, int maxColumns)
    {
        if (count == 0) return [];
        bool positioned = x is not null && y is not null && x.Count >= count && y.Count >= count && !AllSame(x, y, count);
        if (positioned)
        {
            float[] columns = Distinct(x!, count);
            if (columns.Length <= Math.Max(1, maxColumns))
            {
                float[] rowValues = Distinct(y!, count);
                var grid = new int[rowValues.Length][];
                for (int r = 0; r < grid.Length; r++) grid[r] = Enumerable.Repeat(Gap, columns.Length).ToArray();
                var packed = new List<int>();
                for (int i = 0; i < count; i++)
                {
                    int r = IndexOf(rowValues, y![i]), c = IndexOf(columns, x![i]);
                    if (grid[r][c] == Gap) grid[r][c] = i;
                    else packed.Add(i); // two transducers at one place: shown after the grid
                }
                var rows = grid.Select(TrimEnd).Where(r => r.Length > 0).ToList();
                rows.AddRange(packed.Chunk(columns.Length));
                return [.. rows];
            }
        }
        int perRow = positioned ? Math.Max(1, maxColumns) : Math.Min(UnpositionedColumns, Math.Max(1, maxColumns));
        return [.. Enumerable.Range(0, count).Chunk(perRow)];
    }

    private static string Cell(float level, bool wide)
    {
        if (float.IsNaN(level)) return wide ? "      " : "  ";
        string shade = Shades[Step(level, Shades.Length)];
        if (wide) return $"[on {shade}] {level.ToString("0.00", CultureInfo.InvariantCulture)} [/]";
        return $"[{shade}]{Blocks[Step(level, Blocks.Length)]}[/]";
    }

    // 0 for silence, else 1 .. steps - 1 in proportion to the level.
    private static int Step(float level, int steps) => level <= 0 ? 0 : Math.Clamp(1 + (int)(level * (steps - 1)), 1, steps - 1);

    private static bool AllSame(IReadOnlyList<float> x, IReadOnlyList<float> y, int count)
    {
        for (int i = 1; i < count; i++)
            if (MathF.Abs(x[i] - x[0]) > PositionResolution || MathF.Abs(y[i] - y[0]) > PositionResolution) return false;
        return true;
    }

    // Sorted distinct values, merging those closer than the resolution.
    private static float[] Distinct(IReadOnlyList<float> values, int count)
    {
        var sorted = values.Take(count).Order().ToList();
        var distinct = new List<float>();
        foreach (float v in sorted)
            if (distinct.Count == 0 || v - distinct[^1] > PositionResolution) distinct.Add(v);
        return [.. distinct];
    }

    private static int IndexOf(float[] distinct, float value)
    {
        int best = 0;
        for (int i = 1; i < distinct.Length; i++)
            if (MathF.Abs(distinct[i] - value) < MathF.Abs(distinct[best] - value)) best = i;
        return best;
    }

    private static int[] TrimEnd(int[] row)
    {
        int length = row.Length;
        while (length > 0 && row[length - 1] == Gap) length--;
        return row[..length];
    }
}
