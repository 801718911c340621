using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace HapticShm.Engine.Dsp;

/// <summary>Small element-wise helpers, vectorised; the scalar tails compute the same products,
/// so results do not depend on where a span starts or ends.</summary>
internal static class SpanMath
{
    /// <summary><c>destination[j] = a[j] * b[j]</c>.</summary>
    public static void Multiply(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> destination)
    {
        int n = destination.Length;
        if (a.Length < n || b.Length < n) ThrowShort();
        ref float ra = ref MemoryMarshal.GetReference(a);
        ref float rb = ref MemoryMarshal.GetReference(b);
        ref float rd = ref MemoryMarshal.GetReference(destination);
        int j = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; j <= n - 8; j += 8)
            {
                (Vector256.LoadUnsafe(ref ra, (nuint)j) * Vector256.LoadUnsafe(ref rb, (nuint)j)).StoreUnsafe(ref rd, (nuint)j);
            }
        }
        for (; j < n; j++) Unsafe.Add(ref rd, j) = Unsafe.Add(ref ra, j) * Unsafe.Add(ref rb, j);
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

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowShort() => throw new ArgumentException("input spans shorter than the destination");
}
