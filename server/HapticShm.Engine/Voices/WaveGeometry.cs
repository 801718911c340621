using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using HapticShm.Shared.Protocol;

namespace HapticShm.Engine.Voices;

/// <summary>
/// Where a travelling wave starts and how it reaches each transducer.
/// Source: pitch bend -1..1 moves x by +-<see cref="HalfWidth"/> around the layout centre, timbre
/// 0..1 moves y by +-<see cref="HalfHeight"/>. Attenuation law (cylindrical spreading is 1/sqrt(d),
/// we use the steeper 1/d so the source position is clearly felt):
/// <c>gain = layoutGain * max(dNearest, R0) / max(d, R0)</c> with R0 = 2.5 cm, so the nearest
/// transducer plays at its layout gain and none is boosted above it when the source sits on top of one.
/// Positions are kept as padded x and y arrays so eight transducers are computed at once.
/// </summary>
internal sealed class WaveGeometry
{
    public const float HalfWidth = SourceArea.HalfWidthMetres;
    public const float HalfHeight = SourceArea.HalfHeightMetres;
    public const float R0 = 0.025f;

    private readonly float[] _x, _y, _layoutGains; // padded to whole vectors; padding has gain 0
    private readonly Vector2 _centre;
    private readonly TransducerLayout _layout;

    public WaveGeometry(TransducerLayout layout)
    {
        Count = layout.Count;
        Stride = (Count + 7) & ~7;
        _x = new float[Stride];
        _y = new float[Stride];
        _layoutGains = new float[Stride];
        _layout = layout;
        _centre = layout.Centre;
        for (int t = 0; t < Count; t++)
        {
            Vector2 p = layout.Positions[t];
            (_x[t], _y[t], _layoutGains[t]) = (p.X, p.Y, layout.Gains[t]);
            for (int corner = 0; corner < 4; corner++)
            {
                var source = new Vector2(_centre.X + ((corner & 1) == 0 ? -HalfWidth : HalfWidth), _centre.Y + ((corner & 2) == 0 ? -HalfHeight : HalfHeight));
                // The farthest point of a rectangle from p is one of its corners.
                MaxDistance = MathF.Max(MaxDistance, Vector2.Distance(p, source));
            }
        }
        for (int t = Count; t < Stride; t++) (_x[t], _y[t]) = (_x[0], _y[0]); // padding never changes the nearest distance
    }

    public int Count { get; }

    /// <summary>Length of the padded per-transducer arrays.</summary>
    public int Stride { get; }

    /// <summary>Largest source-to-transducer distance in metres.</summary>
    public float MaxDistance { get; }

    public Vector2 SourcePosition(float pitchBend, float timbre) => _layout.SourcePosition(pitchBend, timbre);

    /// <summary>Fills the delay (samples, at most <paramref name="maxDelay"/>) and gain of every
    /// transducer for a source at <paramref name="source"/>; both spans have <see cref="Stride"/> elements.</summary>
    public void Compute(Vector2 source, float samplesPerMetre, float maxDelay, Span<float> delays, Span<float> gains)
    {
        if (delays.Length < Stride || gains.Length < Stride) throw new ArgumentException("spans of Stride elements");
        var sx = Vector256.Create(source.X);
        var sy = Vector256.Create(source.Y);
        var nearest = Vector256.Create(float.MaxValue);
        var limit = Vector256.Create(maxDelay);
        ref float xs = ref MemoryMarshal.GetArrayDataReference(_x), ys = ref MemoryMarshal.GetArrayDataReference(_y), layoutGains = ref MemoryMarshal.GetArrayDataReference(_layoutGains);
        ref float ds = ref MemoryMarshal.GetReference(delays), gs = ref MemoryMarshal.GetReference(gains);
        for (nuint t = 0; t < (nuint)Stride; t += 8) // every array holds Stride elements, a whole number of vectors
        {
            Vector256<float> dx = Vector256.LoadUnsafe(ref xs, t) - sx, dy = Vector256.LoadUnsafe(ref ys, t) - sy;
            Vector256<float> d = Vector256.Sqrt(dx * dx + dy * dy);
            Vector256.MinNative(d * samplesPerMetre, limit).StoreUnsafe(ref ds, t);
            d.StoreUnsafe(ref gs, t);
            nearest = Vector256.MinNative(nearest, d);
        }
        // Horizontal minimum by halves (the lanes are finite distances: native min is exact).
        Vector128<float> m = Vector128.MinNative(nearest.GetLower(), nearest.GetUpper());
        m = Vector128.MinNative(m, Vector128.Shuffle(m, Vector128.Create(2, 3, 0, 1)));
        m = Vector128.MinNative(m, Vector128.Shuffle(m, Vector128.Create(1, 0, 3, 2)));
        var reference = Vector256.Create(MathF.Max(m.ToScalar(), R0));
        var r0 = Vector256.Create(R0);
        for (nuint t = 0; t < (nuint)Stride; t += 8)
        {
            Vector256<float> d = Vector256.LoadUnsafe(ref gs, t);
            (Vector256.LoadUnsafe(ref layoutGains, t) * reference / Vector256.MaxNative(d, r0)).StoreUnsafe(ref gs, t);
        }
    }
}
