using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace HapticShm.Engine.Dsp;

/// <summary>
/// A crossfade between two tap sets read as one set whose coefficients glide:
/// <c>(1 - r) * sum(a_k h_k) + r * sum(b_k h_k) = sum((a_k + r d_k) h_k)</c> with <c>d = b - a</c>, so
/// each frame costs one pass over the history instead of two plus the blend. Both sets sit in one
/// window of up to five nodes (sets whose node offsets differ by one get a zero at the far end).
/// Coefficients are already scaled by the (constant) output fade.
/// </summary>
internal struct GlidingTaps
{
    public float A0, A1, A2, A3, A4;
    public float D0, D1, D2, D3, D4;

    /// <summary>Sets from A's and B's coefficients, B's window starting <paramref name="shift"/>
    /// (-1, 0 or 1) nodes after A's, all times <paramref name="fade"/>. Returns where the common
    /// window starts relative to A's (0 or -1).</summary>
    public int Set(int shift, float fade, float a0, float a1, float a2, float a3, float b0, float b1, float b2, float b3)
    {
        // Place both sets on the five-node window; the unused end node has coefficient 0.
        (float p0, float p1, float p2, float p3, float p4) = shift >= 0 ? (a0, a1, a2, a3, 0f) : (0f, a0, a1, a2, a3);
        (float q0, float q1, float q2, float q3, float q4) = shift > 0 ? (0f, b0, b1, b2, b3) : (b0, b1, b2, b3, 0f);
        (A0, A1, A2, A3, A4) = (p0 * fade, p1 * fade, p2 * fade, p3 * fade, p4 * fade);
        (D0, D1, D2, D3, D4) = ((q0 - p0) * fade, (q1 - p1) * fade, (q2 - p2) * fade, (q3 - p3) * fade, (q4 - p4) * fade);
        return shift >= 0 ? 0 : -1;
    }

    /// <summary><c>o[s+j] += sum over k &lt; 4 of (A_k + r[j] D_k) * h[f+j+k]</c>, j &lt; n, where
    /// <paramref name="ramp"/> holds r for the piece's frames (the caller checks bounds).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void Add4(ref float o, int s, int n, ref float ramp, ref float h, int f)
    {
        ref float out0 = ref Unsafe.Add(ref o, s);
        ref float h0 = ref Unsafe.Add(ref h, f);
        int j = 0;
        if (Vector256.IsHardwareAccelerated && n >= 8)
        {
            Vector256<float> a0 = Vector256.Create(A0), a1 = Vector256.Create(A1), a2 = Vector256.Create(A2), a3 = Vector256.Create(A3);
            Vector256<float> d0 = Vector256.Create(D0), d1 = Vector256.Create(D1), d2 = Vector256.Create(D2), d3 = Vector256.Create(D3);
            for (; j <= n - 8; j += 8)
            {
                Vector256<float> r = Vector256.LoadUnsafe(ref ramp, (nuint)j);
                Vector256<float> x = Vector256.LoadUnsafe(ref out0, (nuint)j);
                x = Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(r, d0, a0), Vector256.LoadUnsafe(ref h0, (nuint)j), x);
                x = Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(r, d1, a1), Vector256.LoadUnsafe(ref h0, (nuint)(j + 1)), x);
                x = Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(r, d2, a2), Vector256.LoadUnsafe(ref h0, (nuint)(j + 2)), x);
                x = Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(r, d3, a3), Vector256.LoadUnsafe(ref h0, (nuint)(j + 3)), x);
                x.StoreUnsafe(ref out0, (nuint)j);
            }
        }
        for (; j < n; j++)
        {
            float r = Unsafe.Add(ref ramp, j);
            float x = Unsafe.Add(ref out0, j);
            x = MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd(r, D0, A0), Unsafe.Add(ref h0, j), x);
            x = MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd(r, D1, A1), Unsafe.Add(ref h0, j + 1), x);
            x = MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd(r, D2, A2), Unsafe.Add(ref h0, j + 2), x);
            x = MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd(r, D3, A3), Unsafe.Add(ref h0, j + 3), x);
            Unsafe.Add(ref out0, j) = x;
        }
    }

    /// <summary>Like <see cref="Add4"/> over five nodes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void Add5(ref float o, int s, int n, ref float ramp, ref float h, int f)
    {
        ref float out0 = ref Unsafe.Add(ref o, s);
        ref float h0 = ref Unsafe.Add(ref h, f);
        int j = 0;
        if (Vector256.IsHardwareAccelerated && n >= 8)
        {
            Vector256<float> a0 = Vector256.Create(A0), a1 = Vector256.Create(A1), a2 = Vector256.Create(A2), a3 = Vector256.Create(A3), a4 = Vector256.Create(A4);
            Vector256<float> d0 = Vector256.Create(D0), d1 = Vector256.Create(D1), d2 = Vector256.Create(D2), d3 = Vector256.Create(D3), d4 = Vector256.Create(D4);
            for (; j <= n - 8; j += 8)
            {
                Vector256<float> r = Vector256.LoadUnsafe(ref ramp, (nuint)j);
                Vector256<float> x = Vector256.LoadUnsafe(ref out0, (nuint)j);
                x = Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(r, d0, a0), Vector256.LoadUnsafe(ref h0, (nuint)j), x);
                x = Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(r, d1, a1), Vector256.LoadUnsafe(ref h0, (nuint)(j + 1)), x);
                x = Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(r, d2, a2), Vector256.LoadUnsafe(ref h0, (nuint)(j + 2)), x);
                x = Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(r, d3, a3), Vector256.LoadUnsafe(ref h0, (nuint)(j + 3)), x);
                x = Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(r, d4, a4), Vector256.LoadUnsafe(ref h0, (nuint)(j + 4)), x);
                x.StoreUnsafe(ref out0, (nuint)j);
            }
        }
        for (; j < n; j++)
        {
            float r = Unsafe.Add(ref ramp, j);
            float x = Unsafe.Add(ref out0, j);
            x = MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd(r, D0, A0), Unsafe.Add(ref h0, j), x);
            x = MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd(r, D1, A1), Unsafe.Add(ref h0, j + 1), x);
            x = MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd(r, D2, A2), Unsafe.Add(ref h0, j + 2), x);
            x = MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd(r, D3, A3), Unsafe.Add(ref h0, j + 3), x);
            x = MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd(r, D4, A4), Unsafe.Add(ref h0, j + 4), x);
            Unsafe.Add(ref out0, j) = x;
        }
    }
}
