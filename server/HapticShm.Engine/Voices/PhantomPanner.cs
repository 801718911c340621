using System.Numerics;
using HapticShm.Engine.Layout;

namespace HapticShm.Engine.Voices;

/// <summary>
/// Where a phantom source's energy goes (energy model of Tactile Brush, Israr &amp; Poupyrev 2011):
/// a point inside a triangle of the layout's Delaunay triangulation drives its three transducers
/// with weights w_i (barycentric, summing to 1), so amplitudes <c>sqrt(w_i) * A</c> keep the total
/// energy at <c>A²</c>. Outside the hull the point is projected onto the nearest hull edge (two
/// transducers, or one at a corner). A layout on one line (or a single transducer) pans between
/// the two neighbours along the line. Built once at start-up; <see cref="Weights"/> allocates nothing.
/// </summary>
internal sealed class PhantomPanner
{
    /// <summary>Most transducers one point drives.</summary>
    public const int MaxTaps = 3;

    // Weights this small are rounding noise: a source on a transducer drives only that one.
    private const float WeightSnap = 1e-5f;

    private readonly Vector2[] _positions;
    private readonly int[] _triangles;
    private readonly float[] _barycentric; // per triangle: 6 coefficients of (w0, w1) in x, y, 1
    private readonly int[] _hullEdges;     // pairs of vertices; for a line layout, consecutive points along it
    private readonly Vector2 _min, _max;
    private const float BoxMargin = 1e-4f;

    public PhantomPanner(TransducerLayout layout)
    {
        _positions = layout.Positions.ToArray();
        var triangulation = DelaunayTriangulation.Build(_positions);
        _triangles = triangulation.Triangles;
        _barycentric = new float[triangulation.Count * 6];
        for (int t = 0; t < triangulation.Count; t++) SetBarycentric(t);
        _hullEdges = triangulation.IsLinear ? LineEdges(_positions) : HullEdges(_triangles);
        Spacing = MedianNearestNeighbour(_positions);
        (_min, _max) = (_positions[0], _positions[0]);
        foreach (Vector2 p in _positions) (_min, _max) = (Vector2.Min(_min, p), Vector2.Max(_max, p));
    }

    /// <summary>Number of triangles (0 for a line layout).</summary>
    public int TriangleCount => _triangles.Length / 3;

    /// <summary>Typical distance between neighbouring transducers (metres), for strokes.</summary>
    public float Spacing { get; }

    /// <summary>Writes the transducers and weights (summing to 1) for a source at <paramref name="p"/>;
    /// returns how many (1..<see cref="MaxTaps"/>). <paramref name="hint"/> is the caller's last
    /// triangle (-1 if none): a moving source usually stays in it, which saves the search.</summary>
    public int Weights(Vector2 p, ref int hint, Span<int> taps, Span<float> weights)
    {
        if (_positions.Length == 1)
        {
            (taps[0], weights[0]) = (0, 1f);
            return 1;
        }
        int triangles = _triangles.Length / 3;
        // Outside the bounding box nothing contains the point.
        if (p.X >= _min.X - BoxMargin && p.X <= _max.X + BoxMargin && p.Y >= _min.Y - BoxMargin && p.Y <= _max.Y + BoxMargin)
        {
            if ((uint)hint < (uint)triangles && TryTriangle(hint, p, taps, weights, out int found)) return found;
            for (int t = 0; t < triangles; t++)
            {
                if (t == hint || !TryTriangle(t, p, taps, weights, out found)) continue;
                hint = t;
                return found;
            }
        }
        return NearestEdge(p, taps, weights);
    }

    /// <summary><see cref="Weights(Vector2, ref int, Span{int}, Span{float})"/> without a hint.</summary>
    public int Weights(Vector2 p, Span<int> taps, Span<float> weights)
    {
        int hint = -1;
        return Weights(p, ref hint, taps, weights);
    }

    private bool TryTriangle(int t, Vector2 p, Span<int> taps, Span<float> weights, out int count)
    {
        ReadOnlySpan<float> k = _barycentric.AsSpan(t * 6, 6);
        float w0 = k[0] * p.X + k[1] * p.Y + k[2];
        float w1 = k[3] * p.X + k[4] * p.Y + k[5];
        float w2 = 1f - w0 - w1;
        const float inside = -1e-6f;
        count = 0;
        if (w0 < inside || w1 < inside || w2 < inside) return false;
        count = Tap(_triangles[t * 3], w0, taps, weights, count);
        count = Tap(_triangles[t * 3 + 1], w1, taps, weights, count);
        count = Tap(_triangles[t * 3 + 2], w2, taps, weights, count);
        count = Normalise(weights, count);
        return true;
    }

    private int NearestEdge(Vector2 p, Span<int> taps, Span<float> weights)
    {
        float best = float.MaxValue, bestT = 0f;
        int a = 0, b = 0;
        for (int e = 0; e < _hullEdges.Length; e += 2)
        {
            Vector2 u = _positions[_hullEdges[e]], v = _positions[_hullEdges[e + 1]];
            Vector2 d = v - u;
            float length = d.LengthSquared();
            float t = length > 0f ? Math.Clamp(Vector2.Dot(p - u, d) / length, 0f, 1f) : 0f;
            float distance = Vector2.DistanceSquared(p, u + t * d);
            if (distance < best) (best, bestT, a, b) = (distance, t, _hullEdges[e], _hullEdges[e + 1]);
        }
        int n = Tap(a, 1f - bestT, taps, weights, 0);
        n = Tap(b, bestT, taps, weights, n);
        return Normalise(weights, n);
    }

    private static int Tap(int transducer, float weight, Span<int> taps, Span<float> weights, int n)
    {
        if (weight <= WeightSnap) return n;
        (taps[n], weights[n]) = (transducer, weight);
        return n + 1;
    }

    private static int Normalise(Span<float> weights, int n)
    {
        float sum = 0f;
        for (int i = 0; i < n; i++) sum += weights[i];
        for (int i = 0; i < n; i++) weights[i] /= sum;
        return n;
    }

    private void SetBarycentric(int t)
    {
        Vector2 a = _positions[_triangles[t * 3]], b = _positions[_triangles[t * 3 + 1]], c = _positions[_triangles[t * 3 + 2]];
        // w0 = ((b.y - c.y)(x - c.x) + (c.x - b.x)(y - c.y)) / det, w1 = ((c.y - a.y)(x - c.x) + (a.x - c.x)(y - c.y)) / det.
        double det = (double)(b.Y - c.Y) * (a.X - c.X) + (double)(c.X - b.X) * (a.Y - c.Y);
        double k0 = (b.Y - c.Y) / det, k1 = (c.X - b.X) / det;
        double k3 = (c.Y - a.Y) / det, k4 = (a.X - c.X) / det;
        Span<float> k = _barycentric.AsSpan(t * 6, 6);
        k[0] = (float)k0;
        k[1] = (float)k1;
        k[2] = (float)(-k0 * c.X - k1 * c.Y);
        k[3] = (float)k3;
        k[4] = (float)k4;
        k[5] = (float)(-k3 * c.X - k4 * c.Y);
    }

    // Hull edges are the triangle edges no other triangle shares.
    private static int[] HullEdges(int[] triangles)
    {
        var count = new Dictionary<(int, int), int>();
        for (int i = 0; i < triangles.Length; i += 3)
        {
            for (int k = 0; k < 3; k++)
            {
                int u = triangles[i + k], v = triangles[i + (k + 1) % 3];
                var key = (Math.Min(u, v), Math.Max(u, v));
                count[key] = count.GetValueOrDefault(key) + 1;
            }
        }
        var edges = new List<int>();
        foreach (((int u, int v), int n) in count)
        {
            if (n != 1) continue;
            edges.Add(u);
            edges.Add(v);
        }
        return edges.ToArray();
    }

    // A line layout: its points sorted along the line, each joined to the next (duplicates skipped).
    private static int[] LineEdges(Vector2[] positions)
    {
        int far = 0;
        for (int i = 1; i < positions.Length; i++)
        {
            if (Vector2.DistanceSquared(positions[0], positions[i]) > Vector2.DistanceSquared(positions[0], positions[far])) far = i;
        }
        Vector2 direction = positions[far] - positions[0];
        int[] order = Enumerable.Range(0, positions.Length).OrderBy(i => Vector2.Dot(positions[i] - positions[0], direction)).ToArray();
        var edges = new List<int>();
        int previous = order[0];
        for (int k = 1; k < order.Length; k++)
        {
            if (Vector2.DistanceSquared(positions[order[k]], positions[previous]) < 1e-12f) continue;
            edges.Add(previous);
            edges.Add(order[k]);
            previous = order[k];
        }
        if (edges.Count == 0) edges.AddRange([0, 0]); // every transducer on one spot
        return edges.ToArray();
    }

    private static float MedianNearestNeighbour(Vector2[] positions)
    {
        var nearest = new List<float>();
        for (int i = 0; i < positions.Length; i++)
        {
            float best = float.MaxValue;
            for (int j = 0; j < positions.Length; j++)
            {
                float d = Vector2.Distance(positions[i], positions[j]);
                if (j != i && d > 1e-6f) best = MathF.Min(best, d);
            }
            if (best < float.MaxValue) nearest.Add(best);
        }
        if (nearest.Count == 0) return 0.05f;
        nearest.Sort();
        return nearest[nearest.Count / 2];
    }
}
