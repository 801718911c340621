using System.Runtime.Intrinsics;

namespace HapticShm.Engine.Voices;

/// <summary>
/// The gliding coefficients of one crossfading piece for every transducer (see
/// <see cref="Dsp.GlidingTaps"/>), computed eight transducers at a time so the per-transducer
/// read loop only loads them. Both tap sets are placed on one window of five nodes; a transducer
/// whose sets are more than one node apart is marked for the two-pass crossfade instead.
/// </summary>
internal sealed class GlideTable
{
    public GlideTable(int stride)
    {
        A0 = new float[stride]; A1 = new float[stride]; A2 = new float[stride]; A3 = new float[stride]; A4 = new float[stride];
        D0 = new float[stride]; D1 = new float[stride]; D2 = new float[stride]; D3 = new float[stride]; D4 = new float[stride];
        Offsets = new int[stride];
        Taps = new int[stride];
    }

    public float[] A0 { get; }
    public float[] A1 { get; }
    public float[] A2 { get; }
    public float[] A3 { get; }
    public float[] A4 { get; }
    public float[] D0 { get; }
    public float[] D1 { get; }
    public float[] D2 { get; }
    public float[] D3 { get; }
    public float[] D4 { get; }

    /// <summary>History offset of the window's first node (as in <see cref="TapSets.Offsets"/>).</summary>
    public int[] Offsets { get; }

    /// <summary>Nodes to read: 4 (same window), 5 (windows one node apart) or 0 (use the two-pass crossfade).</summary>
    public int[] Taps { get; }

    /// <summary>Coefficients for a crossfade from set <paramref name="setA"/> to <paramref name="setB"/>,
    /// all scaled by the constant output <paramref name="fade"/>.</summary>
    public void Fill(TapSets sets, int setA, int setB, float fade)
    {
        int baseA = setA * sets.Stride, baseB = setB * sets.Stride;
        var f = Vector256.Create(fade);
        for (int t = 0; t < sets.Stride; t += 8)
        {
            Vector256<int> offA = Vector256.Create(sets.Offsets.AsSpan(baseA + t, 8));
            Vector256<int> shift = offA - Vector256.Create(sets.Offsets.AsSpan(baseB + t, 8)); // B's window starts this much later
            Vector256<int> earlierB = Vector256.LessThan(shift, Vector256<int>.Zero);
            Vector256<float> early = earlierB.AsSingle(), late = Vector256.GreaterThan(shift, Vector256<int>.Zero).AsSingle();
            Vector256<float> a0 = Load(sets.C0, baseA + t), a1 = Load(sets.C1, baseA + t), a2 = Load(sets.C2, baseA + t), a3 = Load(sets.C3, baseA + t);
            Vector256<float> b0 = Load(sets.C0, baseB + t), b1 = Load(sets.C1, baseB + t), b2 = Load(sets.C2, baseB + t), b3 = Load(sets.C3, baseB + t);
            Vector256<float> zero = Vector256<float>.Zero;
            // A on nodes 0-3, or 1-4 when B starts one node earlier; B on 0-3, or 1-4 when it starts later.
            Vector256<float> p0 = Vector256.ConditionalSelect(early, zero, a0), p1 = Vector256.ConditionalSelect(early, a0, a1);
            Vector256<float> p2 = Vector256.ConditionalSelect(early, a1, a2), p3 = Vector256.ConditionalSelect(early, a2, a3);
            Vector256<float> p4 = Vector256.ConditionalSelect(early, a3, zero);
            Vector256<float> q0 = Vector256.ConditionalSelect(late, zero, b0), q1 = Vector256.ConditionalSelect(late, b0, b1);
            Vector256<float> q2 = Vector256.ConditionalSelect(late, b1, b2), q3 = Vector256.ConditionalSelect(late, b2, b3);
            Vector256<float> q4 = Vector256.ConditionalSelect(late, b3, zero);
            Store(p0 * f, A0, t); Store(p1 * f, A1, t); Store(p2 * f, A2, t); Store(p3 * f, A3, t); Store(p4 * f, A4, t);
            Store((q0 - p0) * f, D0, t); Store((q1 - p1) * f, D1, t); Store((q2 - p2) * f, D2, t); Store((q3 - p3) * f, D3, t); Store((q4 - p4) * f, D4, t);
            (offA - earlierB).CopyTo(Offsets.AsSpan(t, 8)); // the mask is -1: one node earlier
            Vector256<int> distance = Vector256.Abs(shift);
            Vector256<int> taps = Vector256.ConditionalSelect(Vector256.Equals(distance, Vector256<int>.Zero), Vector256.Create(4),
                Vector256.ConditionalSelect(Vector256.Equals(distance, Vector256<int>.One), Vector256.Create(5), Vector256<int>.Zero));
            taps.CopyTo(Taps.AsSpan(t, 8));
        }
    }

    private static Vector256<float> Load(float[] source, int index) => Vector256.Create(source.AsSpan(index, 8));

    private static void Store(Vector256<float> value, float[] destination, int index) => value.CopyTo(destination.AsSpan(index, 8));
}
