using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace HapticShm.Engine.Dsp;

/// <summary>
/// The inner loops: vectorised over frames with <see cref="Vector256{T}"/>, a scalar tail doing
/// exactly the same fused operations so any split of a block gives bit-identical samples.
/// </summary>
internal static class TapKernels
{
    /// <summary><c>out[j] += w[j] * (c0*h[j] + c1*h[j+1] + c2*h[j+2] + c3*h[j+3])</c>.</summary>
    public static void AddTaps(Span<float> output, ReadOnlySpan<float> weights, ReadOnlySpan<float> history, float c0, float c1, float c2, float c3)
    {
        int n = output.Length;
        if (weights.Length < n || history.Length < n + 3) ThrowShort();
        ref float o = ref MemoryMarshal.GetReference(output);
        ref float w = ref MemoryMarshal.GetReference(weights);
        ref float h = ref MemoryMarshal.GetReference(history);
        int j = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            Vector256<float> v0 = Vector256.Create(c0), v1 = Vector256.Create(c1), v2 = Vector256.Create(c2), v3 = Vector256.Create(c3);
            for (; j <= n - 8; j += 8)
            {
                Vector256<float> s = Vector256.LoadUnsafe(ref h, (nuint)j) * v0;
                s = Vector256.FusedMultiplyAdd(v1, Vector256.LoadUnsafe(ref h, (nuint)(j + 1)), s);
                s = Vector256.FusedMultiplyAdd(v2, Vector256.LoadUnsafe(ref h, (nuint)(j + 2)), s);
                s = Vector256.FusedMultiplyAdd(v3, Vector256.LoadUnsafe(ref h, (nuint)(j + 3)), s);
                Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref w, (nuint)j), s, Vector256.LoadUnsafe(ref o, (nuint)j)).StoreUnsafe(ref o, (nuint)j);
            }
        }
        for (; j < n; j++)
        {
            float s = Unsafe.Add(ref h, j) * c0;
            s = MathF.FusedMultiplyAdd(c1, Unsafe.Add(ref h, j + 1), s);
            s = MathF.FusedMultiplyAdd(c2, Unsafe.Add(ref h, j + 2), s);
            s = MathF.FusedMultiplyAdd(c3, Unsafe.Add(ref h, j + 3), s);
            Unsafe.Add(ref o, j) = MathF.FusedMultiplyAdd(Unsafe.Add(ref w, j), s, Unsafe.Add(ref o, j));
        }
    }

    /// <summary><c>out[j] += gain * signal[j]</c>.</summary>
    public static void AddScaled(Span<float> output, ReadOnlySpan<float> signal, float gain)
    {
        int n = output.Length;
        if (signal.Length < n) ThrowShort();
        ref float o = ref MemoryMarshal.GetReference(output);
        ref float x = ref MemoryMarshal.GetReference(signal);
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

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowShort() => throw new ArgumentException("input spans shorter than the output");
}
