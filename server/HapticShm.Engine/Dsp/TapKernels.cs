using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace HapticShm.Engine.Dsp;

/// <summary>
/// The inner loops, on refs (the callers check bounds once per chunk): vectorised over frames
/// with <see cref="Vector256{T}"/>, and a scalar tail doing exactly the same fused operations so
/// any split of a block gives bit-identical samples.
/// </summary>
internal static class TapKernels
{
    /// <summary><c>o[s+j] += w[s+j] * (c0*h[f+j] + c1*h[f+j+1] + c2*h[f+j+2] + c3*h[f+j+3])</c>, j &lt; n.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddTaps(ref float o, int s, int n, ref float w, ref float h, int f, float c0, float c1, float c2, float c3)
    {
        ref float out0 = ref Unsafe.Add(ref o, s);
        ref float w0 = ref Unsafe.Add(ref w, s);
        ref float h0 = ref Unsafe.Add(ref h, f);
        int j = 0;
        if (Vector256.IsHardwareAccelerated && n >= 8)
        {
            Vector256<float> v0 = Vector256.Create(c0), v1 = Vector256.Create(c1), v2 = Vector256.Create(c2), v3 = Vector256.Create(c3);
            for (; j <= n - 8; j += 8)
            {
                Vector256<float> x = Vector256.LoadUnsafe(ref h0, (nuint)j) * v0;
                x = Vector256.FusedMultiplyAdd(v1, Vector256.LoadUnsafe(ref h0, (nuint)(j + 1)), x);
                x = Vector256.FusedMultiplyAdd(v2, Vector256.LoadUnsafe(ref h0, (nuint)(j + 2)), x);
                x = Vector256.FusedMultiplyAdd(v3, Vector256.LoadUnsafe(ref h0, (nuint)(j + 3)), x);
                Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref w0, (nuint)j), x, Vector256.LoadUnsafe(ref out0, (nuint)j)).StoreUnsafe(ref out0, (nuint)j);
            }
        }
        for (; j < n; j++)
        {
            float x = Unsafe.Add(ref h0, j) * c0;
            x = MathF.FusedMultiplyAdd(c1, Unsafe.Add(ref h0, j + 1), x);
            x = MathF.FusedMultiplyAdd(c2, Unsafe.Add(ref h0, j + 2), x);
            x = MathF.FusedMultiplyAdd(c3, Unsafe.Add(ref h0, j + 3), x);
            Unsafe.Add(ref out0, j) = MathF.FusedMultiplyAdd(Unsafe.Add(ref w0, j), x, Unsafe.Add(ref out0, j));
        }
    }

    /// <summary>Like <see cref="AddTaps"/> with two tap sets A and B read from history offsets
    /// <paramref name="fa"/> and <paramref name="fb"/>, weighted by <paramref name="wa"/> and <paramref name="wb"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddCrossfadedTaps(ref float o, int s, int n, ref float wa, ref float wb, ref float h, int fa, int fb,
        float a0, float a1, float a2, float a3, float b0, float b1, float b2, float b3)
    {
        ref float out0 = ref Unsafe.Add(ref o, s);
        ref float wa0 = ref Unsafe.Add(ref wa, s);
        ref float wb0 = ref Unsafe.Add(ref wb, s);
        ref float ha = ref Unsafe.Add(ref h, fa);
        ref float hb = ref Unsafe.Add(ref h, fb);
        int j = 0;
        if (Vector256.IsHardwareAccelerated && n >= 8)
        {
            Vector256<float> va0 = Vector256.Create(a0), va1 = Vector256.Create(a1), va2 = Vector256.Create(a2), va3 = Vector256.Create(a3);
            Vector256<float> vb0 = Vector256.Create(b0), vb1 = Vector256.Create(b1), vb2 = Vector256.Create(b2), vb3 = Vector256.Create(b3);
            for (; j <= n - 8; j += 8)
            {
                Vector256<float> x = Vector256.LoadUnsafe(ref ha, (nuint)j) * va0;
                x = Vector256.FusedMultiplyAdd(va1, Vector256.LoadUnsafe(ref ha, (nuint)(j + 1)), x);
                x = Vector256.FusedMultiplyAdd(va2, Vector256.LoadUnsafe(ref ha, (nuint)(j + 2)), x);
                x = Vector256.FusedMultiplyAdd(va3, Vector256.LoadUnsafe(ref ha, (nuint)(j + 3)), x);
                Vector256<float> y = Vector256.LoadUnsafe(ref hb, (nuint)j) * vb0;
                y = Vector256.FusedMultiplyAdd(vb1, Vector256.LoadUnsafe(ref hb, (nuint)(j + 1)), y);
                y = Vector256.FusedMultiplyAdd(vb2, Vector256.LoadUnsafe(ref hb, (nuint)(j + 2)), y);
                y = Vector256.FusedMultiplyAdd(vb3, Vector256.LoadUnsafe(ref hb, (nuint)(j + 3)), y);
                Vector256<float> acc = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref wa0, (nuint)j), x, Vector256.LoadUnsafe(ref out0, (nuint)j));
                Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref wb0, (nuint)j), y, acc).StoreUnsafe(ref out0, (nuint)j);
            }
        }
        for (; j < n; j++)
        {
            float x = Unsafe.Add(ref ha, j) * a0;
            x = MathF.FusedMultiplyAdd(a1, Unsafe.Add(ref ha, j + 1), x);
            x = MathF.FusedMultiplyAdd(a2, Unsafe.Add(ref ha, j + 2), x);
            x = MathF.FusedMultiplyAdd(a3, Unsafe.Add(ref ha, j + 3), x);
            float y = Unsafe.Add(ref hb, j) * b0;
            y = MathF.FusedMultiplyAdd(b1, Unsafe.Add(ref hb, j + 1), y);
            y = MathF.FusedMultiplyAdd(b2, Unsafe.Add(ref hb, j + 2), y);
            y = MathF.FusedMultiplyAdd(b3, Unsafe.Add(ref hb, j + 3), y);
            float acc = MathF.FusedMultiplyAdd(Unsafe.Add(ref wa0, j), x, Unsafe.Add(ref out0, j));
            Unsafe.Add(ref out0, j) = MathF.FusedMultiplyAdd(Unsafe.Add(ref wb0, j), y, acc);
        }
    }

    /// <summary><see cref="AddCrossfadedTaps"/> when both sets read the same history window:
    /// each history vector is loaded once for both sums (same arithmetic, same results).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddCrossfadedTapsSameWindow(ref float o, int s, int n, ref float wa, ref float wb, ref float h, int f,
        float a0, float a1, float a2, float a3, float b0, float b1, float b2, float b3)
    {
        ref float out0 = ref Unsafe.Add(ref o, s);
        ref float wa0 = ref Unsafe.Add(ref wa, s);
        ref float wb0 = ref Unsafe.Add(ref wb, s);
        ref float h0 = ref Unsafe.Add(ref h, f);
        int j = 0;
        if (Vector256.IsHardwareAccelerated && n >= 8)
        {
            Vector256<float> va0 = Vector256.Create(a0), va1 = Vector256.Create(a1), va2 = Vector256.Create(a2), va3 = Vector256.Create(a3);
            Vector256<float> vb0 = Vector256.Create(b0), vb1 = Vector256.Create(b1), vb2 = Vector256.Create(b2), vb3 = Vector256.Create(b3);
            for (; j <= n - 8; j += 8)
            {
                Vector256<float> h1 = Vector256.LoadUnsafe(ref h0, (nuint)j), h2 = Vector256.LoadUnsafe(ref h0, (nuint)(j + 1));
                Vector256<float> h3 = Vector256.LoadUnsafe(ref h0, (nuint)(j + 2)), h4 = Vector256.LoadUnsafe(ref h0, (nuint)(j + 3));
                Vector256<float> x = h1 * va0, y = h1 * vb0;
                x = Vector256.FusedMultiplyAdd(va1, h2, x);
                y = Vector256.FusedMultiplyAdd(vb1, h2, y);
                x = Vector256.FusedMultiplyAdd(va2, h3, x);
                y = Vector256.FusedMultiplyAdd(vb2, h3, y);
                x = Vector256.FusedMultiplyAdd(va3, h4, x);
                y = Vector256.FusedMultiplyAdd(vb3, h4, y);
                Vector256<float> acc = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref wa0, (nuint)j), x, Vector256.LoadUnsafe(ref out0, (nuint)j));
                Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref wb0, (nuint)j), y, acc).StoreUnsafe(ref out0, (nuint)j);
            }
        }
        if (j < n) AddCrossfadedTaps(ref o, s + j, n - j, ref wa, ref wb, ref h, f + j, f + j, a0, a1, a2, a3, b0, b1, b2, b3);
    }

    /// <summary><c>out[j] += gain * signal[j]</c>.</summary>
    public static void AddScaled(Span<float> output, ReadOnlySpan<float> signal, float gain)
    {
        int n = output.Length;
        if (signal.Length < n) throw new ArgumentException("signal shorter than the output", nameof(signal));
        ref float o = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(output);
        ref float x = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(signal);
        int j = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            Vector256<float> g = Vector256.Create(gain);
            for (; j <= n - 8; j += 8)
            {
                Vector256.FusedMultiplyAdd(g, Vector256.LoadUnsafe(ref x, (nuint)j), Vector256.LoadUnsafe(ref o, (nuint)j)).StoreUnsafe(ref o, (nuint)j);
            }
        }
        for (; j < n; j++)
        {
            Unsafe.Add(ref o, j) = MathF.FusedMultiplyAdd(gain, Unsafe.Add(ref x, j), Unsafe.Add(ref o, j));
        }
    }
}
