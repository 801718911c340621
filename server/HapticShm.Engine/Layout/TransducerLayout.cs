using System.Numerics;
using HapticShm.Shared.Protocol;

namespace HapticShm.Engine;

/// <summary>Where the transducers sit (metres) and how loud each one is. Immutable.</summary>
public sealed class TransducerLayout
{
    /// <summary>Most transducers a layout may hold.</summary>
    public const int MaxCount = 256;

    private readonly Vector2[] _positions;
    private readonly float[] _gains;

    private TransducerLayout(Vector2[] positions, float[] gains)
    {
        _positions = positions;
        _gains = gains;
        Vector2 min = positions[0], max = positions[0];
        foreach (Vector2 p in positions)
        {
            min = Vector2.Min(min, p);
            max = Vector2.Max(max, p);
        }
        Centre = (min + max) * 0.5f;
    }

    /// <summary>32 transducers, 4 rows x 8 columns at 5 cm, gain 1; index = row * 8 + column,
    /// x = column * 0.05, y = row * 0.05.</summary>
    public static TransducerLayout Default { get; } = Grid(rows: 4, columns: 8, spacing: 0.05f);

    /// <summary>Number of transducers (1..256).</summary>
    public int Count => _positions.Length;

    /// <summary>Positions in metres.</summary>
    public ReadOnlySpan<Vector2> Positions => _positions;

    /// <summary>Linear gain per transducer (>= 0).</summary>
    public ReadOnlySpan<float> Gains => _gains;

    /// <summary>Centre of the bounding box of <see cref="Positions"/>.</summary>
    public Vector2 Centre { get; }

    /// <summary>The source point for a bend and a timbre around <see cref="Centre"/> (<see cref="SourceArea"/>).</summary>
    public Vector2 SourcePosition(float pitchBend, float timbre)
    {
        (float x, float y) = SourceArea.Position(Centre.X, Centre.Y, pitchBend, timbre);
        return new Vector2(x, y);
    }

    /// <summary>A rows x columns grid, gain 1.</summary>
    public static TransducerLayout Grid(int rows, int columns, float spacing)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rows * columns, MaxCount);
        var positions = new Vector2[rows * columns];
        var gains = new float[rows * columns];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                positions[r * columns + c] = new Vector2(c * spacing, r * spacing);
                gains[r * columns + c] = 1f;
            }
        }
        return new TransducerLayout(positions, gains);
    }

    /// <summary>Builds a layout from explicit positions and gains (copied).</summary>
    public static TransducerLayout FromArrays(ReadOnlySpan<Vector2> positions, ReadOnlySpan<float> gains)
    {
        if (positions.Length is 0 or > MaxCount) throw new ArgumentException($"1..{MaxCount} transducers", nameof(positions));
        if (gains.Length != positions.Length) throw new ArgumentException("one gain per position", nameof(gains));
        foreach (Vector2 p in positions)
        {
            if (!float.IsFinite(p.X) || !float.IsFinite(p.Y)) throw new ArgumentException("positions must be finite", nameof(positions));
        }
        foreach (float g in gains)
        {
            if (!float.IsFinite(g) || g < 0) throw new ArgumentException("gains must be finite and >= 0", nameof(gains));
        }
        return new TransducerLayout(positions.ToArray(), gains.ToArray());
    }

    /// <summary>Reads a layout file; throws <see cref="LayoutException"/> naming the file, the
    /// JSON path and the problem.</summary>
    public static TransducerLayout Load(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LayoutException(path, "$", $"cannot read the file ({e.Message})", e);
        }
        return Parse(json, path);
    }

    /// <summary>Parses <c>{ "transducers": [ { "x": 0, "y": 0.05, "gain": 1 }, ... ] }</c>;
    /// <paramref name="sourceName"/> names the source in error messages.</summary>
    public static TransducerLayout Parse(string json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(sourceName);
        (Vector2[] positions, float[] gains) = LayoutJsonReader.Read(json, sourceName);
        return new TransducerLayout(positions, gains);
    }
}
