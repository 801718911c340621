using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace HapticShm.Engine.Dsp;

/// <summary>
/// A crossfade between two tap sets read as one set whose coefficients glide:
/// <c>(1 - r) * sum(a_k h_k) + r * sum(b_k h_k) = sum((a_k + r d_k) h_k)</c> with <c>d = b - a</c>, so
/// each frame costs one pass over the history instead of two plus the blend. Both sets sit in one
/// window of up to five nodes (see <see cref="Voices.GlideTable"/>). The ramp value r of a frame
/// depends only on its position in the segment, so any split of a piece gives the same samples.
/// </summary>
internal static class GlidingTaps
{
    /// <summary><c>o[s+j] += sum over k &lt; 4 of (a_k + r[j] d_k) * h[f+j+k]</c>, j &lt; n, where
    /// <paramref name="ramp"/> holds r for the piece's frames (the caller checks bounds).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add4(ref float o, int s, int n, ref float ramp, ref float h, int f,
        float a0, float a1, float a2, float a3, float d0, float d1, float d2, float d3)
    {
        ref float out0 = ref Unsafe.Add(ref o, s);
        ref float h0 = ref Unsafe.Add(ref h, f);
        int j = 0;
        if (Vector256.IsHardwareAccelerated && n >= 8)
        {
            Vector256<float> va0 = Vector256.Create(a0), va1 = Vector256.Create(a1), va2 = Vector256.Create(a2), va3 = Vector256.Create(a3);
            Vector256<float> vd0 = Vector256.Create(d0), vd1 = Vector256.Create(d1), vd2 = Vector256.Create(d2), vd3 = Vector256.Create(d3);
            for (; j <= n - 8; j += 8)
            {
                Vector256<float> r = Vector256.LoadUnsafe(ref ramp, (nuint)j);
                Vector256<float> x = Vector256.LoadUnsafe(ref out0, (nuint)j);
                x = Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(r, vd0, va0), Vector256.LoadUnsafe(ref h0, (nuint)j), x);
                x = Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(r, vd1, va1), Vector256.LoadUnsafe(ref h0, (nuint)(j + 1)), x);
                x = Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(r, vd2, va2), Vector256.LoadUnsafe(ref h0, (nuint)(j + 2)), x);
                x = Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(r, vd3, va3), Vector256.LoadUnsafe(ref h0, (nuint)(j + 3)), x);
                x.StoreUnsafe(ref out0, (nuint)j);
            }
        }
        for (; j < n; j++)
        {
            float r = Unsafe.Add(ref ramp, j);
            float x = Unsafe.Add(ref out0, j);
            x = MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd(r, d0, a0), Unsafe.Add(ref h0, j), x);
            x = MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd(r, d1, a1), Unsafe.Add(ref h0, j + 1), x);
            x = MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd(r, d2, a2), Unsafe.Add(ref h0, j + 2), x);
            x = MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd(r, d3, a3), Unsafe.Add(ref h0, j + 3), x);
            Unsafe.Add(ref out0, j) = x;
        }
    }

    /// <summary>Like <see cref="Add4"/> over five nodes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add5(ref float o, int s, int n, ref float ramp, ref float h, int f,
        float a0, float a1, float a2, float a3, float a4, float d0, float d1, float d2, float d3, float d4)
    {
        ref float out0 = ref Unsafe.Add(ref o, s);
        ref float h0 = ref Unsafe.Add(ref h, f);
        int j = 0;
        if (Vector256.IsHardwareAccelerated && n >= 8)
        {
            Vector256<float> va0 = Vector256.Create(a0), va1 = Vector256.Create(a1), va2 = Vector256.Create(a2), va3 = Vector256.Create(a3), va4 = Vector256.Create(a4);
            Vector256<float> vd0 = Vector256.Create(d0), vd1 = Vector256.Create(d1), vd2 = Vector256.Create(d2), vd3 = Vector256.Create(d3), vd4 = Vector256.Create(d4);
            for (; j <= n - 8; j += 8)
            {
                Vector256<float> r = Vector256.LoadUnsafe(ref ramp, (nuint)j);
                Vector256<float> x = Vector256.LoadUnsafe(ref out0, (nuint)j);
                x = Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(r, vd0, va0), Vector256.LoadUnsafe(ref h0, (nuint)j), x);
                x = Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(r, vd1, va1), Vector256.LoadUnsafe(ref h0, (nuint)(j + 1)), x);
                x = Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(r, vd2, va2), Vector256.LoadUnsafe(ref h0, (nuint)(j + 2)), x);
                x = Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(r, vd3, va3), Vector256.LoadUnsafe(ref h0, (nuint)(j + 3)), x);
                x = Vector256.FusedMultiplyAdd(Vector256.FusedMultiplyAdd(r, vd4, va4), Vector256.LoadUnsafe(ref h0, (nuint)(j + 4)), x);
                x.StoreUnsafe(ref out0, (nuint)j);
            }
        }
        for (; j < n; j++)
        {
            float r = Unsafe.Add(ref ramp, j);
            float x = Unsafe.Add(ref out0, j);
            x = MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd(r, d0, a0), Unsafe.Add(ref h0, j), x);
            x = MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd(r, d1, a1), Unsafe.Add(ref h0, j + 1), x);
            x = MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd(r, d2, a2), Unsafe.Add(ref h0, j + 2), x);
            x = MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd(r, d3, a3), Unsafe.Add(ref h0, j + 3), x);
            x = MathF.FusedMultiplyAdd(MathF.FusedMultiplyAdd(r, d4, a4), Unsafe.Add(ref h0, j + 4), x);
            Unsafe.Add(ref out0, j) = x;
        }
    }
}
