using System.Numerics;

namespace HapticShm.Engine.Layout;

/// <summary>
/// Delaunay triangulation of a layout's transducer positions (Bowyer–Watson, in double
/// precision), computed once at start-up: O(n²) is nothing for at most 256 points. Duplicate
/// positions keep their first transducer only. Fewer than three distinct points, or all of them
/// on one line, give no triangles: <see cref="IsLinear"/> is then true and callers pan along the line.
/// </summary>
internal sealed class DelaunayTriangulation
{
    // Relative to the layout's extent: points closer than this are the same point, triangles
    // flatter than this are degenerate.
    private const double Epsilon = 1e-9;
    private const double Jitter = 1e-7;

    private DelaunayTriangulation(int[] triangles, bool isLinear)
    {
        Triangles = triangles;
        IsLinear = isLinear;
    }

    /// <summary>Vertex indices, three per triangle, counter-clockwise.</summary>
    public int[] Triangles { get; }

    /// <summary>Number of triangles.</summary>
    public int Count => Triangles.Length / 3;

    /// <summary>True when the points are one, or all on one line (no triangle).</summary>
    public bool IsLinear { get; }

    public static DelaunayTriangulation Build(ReadOnlySpan<Vector2> positions)
    {
        int[] distinct = DistinctPoints(positions, out double scale);
        if (distinct.Length < 3 || AllCollinear(positions, distinct, scale)) return new DelaunayTriangulation([], isLinear: true);

        var px = new double[distinct.Length + 3];
        var py = new double[distinct.Length + 3];
        var tx = new double[distinct.Length];
        var ty = new double[distinct.Length];
        for (int i = 0; i < distinct.Length; i++)
        {
            (tx[i], ty[i]) = (positions[distinct[i]].X, positions[distinct[i]].Y);
            // A tiny fixed jitter breaks the ties of a regular grid (four points on one circle),
            // where rounding could make neighbouring triangles disagree.
            px[i] = tx[i] + Jitter * scale * (Fraction(i * 0.6180339887) - 0.5);
            py[i] = ty[i] + Jitter * scale * (Fraction(i * 0.7548776662 + 0.5) - 0.5);
        }
        // The super-triangle's vertices are the last three, at infinity in directions D (symbolic:
        // see InCircumcircle); their finite stand-ins below only orient new triangles.
        double cx = 0, cy = 0;
        for (int i = 0; i < distinct.Length; i++) (cx, cy) = (cx + px[i] / distinct.Length, cy + py[i] / distinct.Length);
        int s = distinct.Length;
        for (int k = 0; k < 3; k++) (px[s + k], py[s + k]) = (cx + 1e6 * scale * Dx[k], cy + 1e6 * scale * Dy[k]);

        var triangles = new List<(int A, int B, int C)> { (s, s + 1, s + 2) };
        var edges = new List<(int, int)>();
        for (int p = 0; p < distinct.Length; p++)
        {
            edges.Clear();
            for (int t = triangles.Count - 1; t >= 0; t--)
            {
                (int a, int b, int c) = triangles[t];
                if (!InCircumcircle(px, py, s, a, b, c, p)) continue;
                edges.Add((a, b));
                edges.Add((b, c));
                edges.Add((c, a));
                triangles.RemoveAt(t);
            }
            // The cavity's boundary: edges that belonged to exactly one removed triangle.
            for (int e = 0; e < edges.Count; e++)
            {
                (int u, int v) = edges[e];
                bool shared = false;
                for (int f = 0; f < edges.Count; f++)
                {
                    if (f != e && ((edges[f].Item1 == v && edges[f].Item2 == u) || (edges[f].Item1 == u && edges[f].Item2 == v))) { shared = true; break; }
                }
                if (!shared) triangles.Add(Oriented(px, py, u, v, p));
            }
        }

        var result = new List<int>();
        foreach ((int a, int b, int c) in triangles)
        {
            if (a >= s || b >= s || c >= s) continue;
            double area = Cross(tx, ty, a, b, c);
            if (area <= 1e-6 * scale * scale) continue; // flat on the true positions: a sliver along the hull
            result.Add(distinct[a]);
            result.Add(distinct[b]);
            result.Add(distinct[c]);
        }
        return new DelaunayTriangulation(result.ToArray(), isLinear: false);
    }

    private static int[] DistinctPoints(ReadOnlySpan<Vector2> positions, out double scale)
    {
        Vector2 min = positions[0], max = positions[0];
        foreach (Vector2 p in positions)
        {
            min = Vector2.Min(min, p);
            max = Vector2.Max(max, p);
        }
        scale = Math.Max(Math.Max(max.X - min.X, max.Y - min.Y), 1e-6);
        var kept = new List<int>();
        for (int i = 0; i < positions.Length; i++)
        {
            bool duplicate = false;
            foreach (int k in kept)
            {
                if (Vector2.Distance(positions[i], positions[k]) <= Epsilon * scale) { duplicate = true; break; }
            }
            if (!duplicate) kept.Add(i);
        }
        return kept.ToArray();
    }

    private static bool AllCollinear(ReadOnlySpan<Vector2> positions, int[] points, double scale)
    {
        // The farthest pair spans the line; any point well off it makes a real triangle.
        int a = points[0], b = points[0];
        double farthest = -1;
        foreach (int i in points)
        {
            double d = Vector2.DistanceSquared(positions[a], positions[i]);
            if (d > farthest) (farthest, b) = (d, i);
        }
        double lx = positions[b].X - positions[a].X, ly = positions[b].Y - positions[a].Y;
        double length = Math.Sqrt(lx * lx + ly * ly);
        foreach (int i in points)
        {
            double off = Math.Abs(lx * (positions[i].Y - positions[a].Y) - ly * (positions[i].X - positions[a].X)) / length;
            if (off > 1e-6 * scale) return false;
        }
        return true;
    }

    private static double Fraction(double value) => value - Math.Floor(value);

    private static double Cross(double[] px, double[] py, int a, int b, int c) =>
        (px[b] - px[a]) * (py[c] - py[a]) - (py[b] - py[a]) * (px[c] - px[a]);

    private static (int, int, int) Oriented(double[] px, double[] py, int a, int b, int c) =>
        Cross(px, py, a, b, c) >= 0 ? (a, b, c) : (a, c, b);

    // Directions of the super-triangle's vertices (equilateral, around the centroid).
    private static readonly double[] Dx = [0, -0.8660254037844386, 0.8660254037844386];
    private static readonly double[] Dy = [1, -0.5, -0.5];

    // Whether p lies inside the circumcircle of (a, b, c). A finite triangle is counter-clockwise.
    // With vertices of the super-triangle (index >= super, at infinity) the circle becomes a
    // half-plane: with one, the side of the finite edge where that vertex lies; with two, the side
    // of the line through the finite vertex, across the third direction, where they lie; with three, everything.
    private static bool InCircumcircle(double[] px, double[] py, int super, int a, int b, int c, int p)
    {
        int infinite = (a >= super ? 1 : 0) + (b >= super ? 1 : 0) + (c >= super ? 1 : 0);
        if (infinite == 0)
        {
            double ax = px[a] - px[p], ay = py[a] - py[p];
            double bx = px[b] - px[p], by = py[b] - py[p];
            double cx = px[c] - px[p], cy = py[c] - py[p];
            double det = (ax * ax + ay * ay) * (bx * cy - cx * by) - (bx * bx + by * by) * (ax * cy - cx * ay) + (cx * cx + cy * cy) * (ax * by - bx * ay);
            return det > 0;
        }
        if (infinite == 3) return true;
        if (infinite == 2)
        {
            int finite = a < super ? a : b < super ? b : c;
            int missing = MissingSuper(super, a, b, c);
            return (px[p] - px[finite]) * Dx[missing] + (py[p] - py[finite]) * Dy[missing] < 0;
        }
        // One infinite vertex: order the finite edge (u, v) and the direction k.
        (int u, int v, int k) = a >= super ? (b, c, a - super) : b >= super ? (c, a, b - super) : (a, b, c - super);
        double ex = px[v] - px[u], ey = py[v] - py[u];
        double side = ex * Dy[k] - ey * Dx[k];
        double point = ex * (py[p] - py[u]) - ey * (px[p] - px[u]);
        return side > 0 ? point > 0 : side < 0 && point < 0;
    }

    // The super vertex (0..2) that (a, b, c) does not use, when it uses two.
    private static int MissingSuper(int super, int a, int b, int c)
    {
        int used = (a >= super ? 1 << (a - super) : 0) | (b >= super ? 1 << (b - super) : 0) | (c >= super ? 1 << (c - super) : 0);
        return used switch { 0b110 => 0, 0b101 => 1, _ => 2 };
    }
}
