using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace HapticShm.Engine.Dsp;

/// <summary>
/// Cubic Lagrange interpolation (the polynomial of <see cref="LagrangeDelay"/>) in Farrow form.
/// For node n with neighbours a = h[n-1], b = h[n], c = h[n+1], d = h[n+2], the value at
/// n + x is <c>b + x (p1 + x (p2 + x p3))</c> with
/// <c>p1 = c - a/3 - b/2 - d/6</c>, <c>p2 = (a + c)/2 - b</c>, <c>p3 = (d - a)/6 + (b - c)/2</c>.
/// The p's depend only on the signal, not on x, so they are computed once per sample as the
/// signal is written and shared by every transducer that reads it.
/// </summary>
internal static class FarrowBasis
{
    private const float Third = 1f / 3f, Sixth = 1f / 6f;

    /// <summary>Basis of nodes m + 1 for m &lt; <paramref name="p1"/>.Length, from
    /// <paramref name="signal"/>[m .. m + 3] (so the signal is three samples longer).</summary>
    public static void Compute(ReadOnlySpan<float> signal, Span<float> p1, Span<float> p2, Span<float> p3)
    {
        int n = p1.Length;
        if (signal.Length < n + 3 || p2.Length < n || p3.Length < n) throw new ArgumentException("the signal must be three samples longer than the basis");
        ref float s = ref MemoryMarshal.GetReference(signal);
        ref float q1 = ref MemoryMarshal.GetReference(p1);
        ref float q2 = ref MemoryMarshal.GetReference(p2);
        ref float q3 = ref MemoryMarshal.GetReference(p3);
        int m = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            Vector256<float> third = Vector256.Create(-Third), half = Vector256.Create(0.5f), minusHalf = Vector256.Create(-0.5f), sixth = Vector256.Create(Sixth), minusSixth = Vector256.Create(-Sixth);
            for (; m <= n - 8; m += 8)
            {
                Vector256<float> a = Vector256.LoadUnsafe(ref s, (nuint)m), b = Vector256.LoadUnsafe(ref s, (nuint)(m + 1));
                Vector256<float> c = Vector256.LoadUnsafe(ref s, (nuint)(m + 2)), d = Vector256.LoadUnsafe(ref s, (nuint)(m + 3));
                Vector256.FusedMultiplyAdd(third, a, Vector256.FusedMultiplyAdd(minusHalf, b, Vector256.FusedMultiplyAdd(minusSixth, d, c))).StoreUnsafe(ref q1, (nuint)m);
                Vector256.FusedMultiplyAdd(half, a + c, -b).StoreUnsafe(ref q2, (nuint)m);
                Vector256.FusedMultiplyAdd(sixth, d - a, half * (b - c)).StoreUnsafe(ref q3, (nuint)m);
            }
        }
        for (; m < n; m++)
        {
            float a = Unsafe.Add(ref s, m), b = Unsafe.Add(ref s, m + 1), c = Unsafe.Add(ref s, m + 2), d = Unsafe.Add(ref s, m + 3);
            Unsafe.Add(ref q1, m) = MathF.FusedMultiplyAdd(-Third, a, MathF.FusedMultiplyAdd(-0.5f, b, MathF.FusedMultiplyAdd(-Sixth, d, c)));
            Unsafe.Add(ref q2, m) = MathF.FusedMultiplyAdd(0.5f, a + c, -b);
            Unsafe.Add(ref q3, m) = MathF.FusedMultiplyAdd(Sixth, d - a, 0.5f * (b - c));
        }
    }

    /// <summary>The linear basis of nodes m + 1 for m &lt; <paramref name="p1"/>.Length: <c>p1 = c - b</c>
    /// (p2 = p3 = 0, never stored), from the same <paramref name="signal"/> layout as <see cref="Compute"/>.</summary>
    public static void ComputeLinear(ReadOnlySpan<float> signal, Span<float> p1)
    {
        int n = p1.Length;
        if (signal.Length < n + 3) throw new ArgumentException("the signal must be three samples longer than the basis");
        ref float s = ref MemoryMarshal.GetReference(signal);
        ref float q1 = ref MemoryMarshal.GetReference(p1);
        int m = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; m <= n - 8; m += 8)
            {
                (Vector256.LoadUnsafe(ref s, (nuint)(m + 2)) - Vector256.LoadUnsafe(ref s, (nuint)(m + 1))).StoreUnsafe(ref q1, (nuint)m);
            }
        }
        for (; m < n; m++) Unsafe.Add(ref q1, m) = Unsafe.Add(ref s, m + 2) - Unsafe.Add(ref s, m + 1);
    }

    /// <summary>The interpolated value at node + x (reference form of what the kernel computes).</summary>
    public static float Evaluate(float p0, float p1, float p2, float p3, float x) =>
        MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd(p3, x, p2), x, p1), x, p0);

    /// <summary>The linearly interpolated value at node + x (what the kernel computes from a linear basis).</summary>
    public static float EvaluateLinear(float p0, float p1, float x) => MathF.FusedMultiplyAdd(p1, x, p0);
}
