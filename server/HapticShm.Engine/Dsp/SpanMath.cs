using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace HapticShm.Engine.Dsp;

/// <summary>Small element-wise helpers, vectorised; the scalar tails compute the same products,
/// so results do not depend on where a span starts or ends.</summary>
internal static class SpanMath
{
    /// <summary><c>sum[j] = a[j] * b[j] + sum[j]</c>, fused.</summary>
    public static void MultiplyAdd(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> sum)
    {
        int n = sum.Length;
        if (a.Length < n || b.Length < n) ThrowShort();
        ref float ra = ref MemoryMarshal.GetReference(a);
        ref float rb = ref MemoryMarshal.GetReference(b);
        ref float rs = ref MemoryMarshal.GetReference(sum);
        int j = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; j <= n - 8; j += 8)
            {
                Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref ra, (nuint)j), Vector256.LoadUnsafe(ref rb, (nuint)j), Vector256.LoadUnsafe(ref rs, (nuint)j)).StoreUnsafe(ref rs, (nuint)j);
            }
        }
        for (; j < n; j++) Unsafe.Add(ref rs, j) = MathF.FusedMultiplyAdd(Unsafe.Add(ref ra, j), Unsafe.Add(ref rb, j), Unsafe.Add(ref rs, j));
    }

    /// <summary><c>samples[j] = samples[j] * a * b</c> (in that order).</summary>
    public static void Scale(Span<float> samples, float a, float b)
    {
        ref float rs = ref MemoryMarshal.GetReference(samples);
        int n = samples.Length, j = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            Vector256<float> va = Vector256.Create(a), vb = Vector256.Create(b);
            for (; j <= n - 8; j += 8)
            {
                (Vector256.LoadUnsafe(ref rs, (nuint)j) * va * vb).StoreUnsafe(ref rs, (nuint)j);
            }
        }
        for (; j < n; j++) Unsafe.Add(ref rs, j) = Unsafe.Add(ref rs, j) * a * b;
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

    /// <summary><c>samples[j] *= factors[j]</c>.</summary>
    public static void Multiply(Span<float> samples, ReadOnlySpan<float> factors)
    {
        int n = samples.Length;
        if (factors.Length < n) ThrowShort();
        ref float rs = ref MemoryMarshal.GetReference(samples);
        ref float rf = ref MemoryMarshal.GetReference(factors);
        int j = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; j <= n - 8; j += 8)
            {
                (Vector256.LoadUnsafe(ref rs, (nuint)j) * Vector256.LoadUnsafe(ref rf, (nuint)j)).StoreUnsafe(ref rs, (nuint)j);
            }
        }
        for (; j < n; j++) Unsafe.Add(ref rs, j) *= Unsafe.Add(ref rf, j);
    }

    /// <summary><c>out[j] += (g0 + ramp[j] * dg) * signal[j]</c>: a gain moving linearly.</summary>
    public static void AddRamped(Span<float> output, ReadOnlySpan<float> signal, float g0, float dg, ReadOnlySpan<float> ramp)
    {
        int n = output.Length;
        if (signal.Length < n || ramp.Length < n) ThrowShort();
        ref float o = ref MemoryMarshal.GetReference(output);
        ref float x = ref MemoryMarshal.GetReference(signal);
        ref float r = ref MemoryMarshal.GetReference(ramp);
        int j = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            Vector256<float> vg = Vector256.Create(g0), vd = Vector256.Create(dg);
            for (; j <= n - 8; j += 8)
            {
                Vector256<float> g = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref r, (nuint)j), vd, vg);
                Vector256.FusedMultiplyAdd(g, Vector256.LoadUnsafe(ref x, (nuint)j), Vector256.LoadUnsafe(ref o, (nuint)j)).StoreUnsafe(ref o, (nuint)j);
            }
        }
        for (; j < n; j++)
        {
            float g = MathF.FusedMultiplyAdd(Unsafe.Add(ref r, j), dg, g0);
            Unsafe.Add(ref o, j) = MathF.FusedMultiplyAdd(g, Unsafe.Add(ref x, j), Unsafe.Add(ref o, j));
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowShort() => throw new ArgumentException("input spans shorter than the destination");
}
