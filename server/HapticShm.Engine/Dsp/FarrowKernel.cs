using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace HapticShm.Engine.Dsp;

/// <summary>
/// The travelling-wave read loop: one transducer, one voice, a run of frames. Cubic Lagrange
/// interpolation in Farrow form (see <see cref="FarrowBasis"/>): the voice keeps four basis
/// signals beside its history, so a read at fractional position x costs four loads and three
/// fused multiply-adds, <c>y = p0 + x (p1 + x (p2 + x p3))</c>, whatever x is. A gliding delay is
/// therefore as cheap as a fixed one: x and the gain move linearly with the segment ramp r,
/// <c>x = x0 + r dx</c>, <c>g = g0 + r dg</c>, and the frame adds <c>g y</c> to the output.
/// A linear basis (<see cref="DelayInterpolation.Linear"/>) costs two loads and one multiply-add: <c>y = p0 + x p1</c>.
/// </summary>
/// <remarks>Vectorised over frames with <see cref="Vector256{T}"/>, then a scalar tail. The vector
/// loop evaluates x and g once per run and then steps them by adds, so a sample depends on where
/// its run starts only by float rounding (a few ulps of x and g, under 1e-6 of the output).</remarks>
internal static class FarrowKernel
{
    /// <summary>How far the ramp r advances per frame (the glide segment's 1 / 64): every ramp passed in is consecutive segment positions.</summary>
    public const float RampStep = 1f / Voices.GlideSegment.Frames;

    /// <summary><c>o[j] += g(r[j]) * L(x(r[j]))</c> for j &lt; n, where p0..p3 point at the basis of
    /// the run's first frame and advance one node per frame.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(ref float o, int n, ref float r, ref float p0, ref float p1, ref float p2, ref float p3,
        float x0, float dx, float g0, float dg) =>
        Run(faded: false, linear: false, ref o, n, ref r, ref p0, ref p1, ref p2, ref p3, x0, dx, g0, dg, ref o);

    /// <summary>Like <see cref="Add"/>, with the gain of each frame also multiplied by <c>fade[j]</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddFaded(ref float o, int n, ref float r, ref float p0, ref float p1, ref float p2, ref float p3,
        float x0, float dx, float g0, float dg, ref float fade) =>
        Run(faded: true, linear: false, ref o, n, ref r, ref p0, ref p1, ref p2, ref p3, x0, dx, g0, dg, ref fade);

    /// <summary>Like <see cref="Add"/> from a linear basis: <c>y = p0 + x p1</c> (p2 and p3 are not read).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddLinear(ref float o, int n, ref float r, ref float p0, ref float p1, float x0, float dx, float g0, float dg) =>
        Run(faded: false, linear: true, ref o, n, ref r, ref p0, ref p1, ref p1, ref p1, x0, dx, g0, dg, ref o);

    /// <summary>Like <see cref="AddLinear"/>, but writes <c>o[j] = g L(x)</c> instead of adding (o is not read).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreLinear(ref float o, int n, ref float r, ref float p0, ref float p1, float x0, float dx, float g0, float dg) =>
        Run(faded: false, linear: true, ref o, n, ref r, ref p0, ref p1, ref p1, ref p1, x0, dx, g0, dg, ref o, store: true);

    /// <summary>Like <see cref="AddLinear"/>, with the gain of each frame also multiplied by <c>fade[j]</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddLinearFaded(ref float o, int n, ref float r, ref float p0, ref float p1, float x0, float dx, float g0, float dg, ref float fade) =>
        Run(faded: true, linear: true, ref o, n, ref r, ref p0, ref p1, ref p1, ref p1, x0, dx, g0, dg, ref fade);

    // o[j..j+8) += g * L(x), the basis read from node j on.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddVector(bool faded, bool linear, ref float o, nuint j, ref float p0, ref float p1, ref float p2, ref float p3,
        Vector256<float> x, Vector256<float> g, ref float fade, bool store)
    {
        if (faded) g *= Vector256.LoadUnsafe(ref fade, j);
        Vector256<float> y = Vector256.LoadUnsafe(ref p1, j);
        if (!linear)
        {
            y = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref p3, j), x, Vector256.LoadUnsafe(ref p2, j));
            y = Vector256.FusedMultiplyAdd(y, x, Vector256.LoadUnsafe(ref p1, j));
        }
        y = Vector256.FusedMultiplyAdd(y, x, Vector256.LoadUnsafe(ref p0, j));
        (store ? g * y : Vector256.FusedMultiplyAdd(g, y, Vector256.LoadUnsafe(ref o, j))).StoreUnsafe(ref o, j);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Run(bool faded, bool linear, ref float o, int n, ref float r, ref float p0, ref float p1, ref float p2, ref float p3,
        float x0, float dx, float g0, float dg, ref float fade, bool store = false)
    {
        int j = 0;
        if (Vector256.IsHardwareAccelerated && n >= 8)
        {
            // x and g move by a fixed step from one vector to the next (the ramp advances by
            // RampStep per frame): adds, which leave the multiply-add units to the reads. Two
            // vectors per turn, each with its own x and g, so the adds do not wait on each other.
            Vector256<float> ramp = Vector256.LoadUnsafe(ref r);
            Vector256<float> xa = Vector256.FusedMultiplyAdd(ramp, Vector256.Create(dx), Vector256.Create(x0));
            Vector256<float> ga = Vector256.FusedMultiplyAdd(ramp, Vector256.Create(dg), Vector256.Create(g0));
            Vector256<float> xStep = Vector256.Create(dx * (8 * RampStep)), gStep = Vector256.Create(dg * (8 * RampStep));
            if (n >= 16)
            {
                Vector256<float> xb = xa + xStep, gb = ga + gStep;
                Vector256<float> xStep2 = xStep + xStep, gStep2 = gStep + gStep;
                for (; j <= n - 16; j += 16)
                {
                    AddVector(faded, linear, ref o, (nuint)j, ref p0, ref p1, ref p2, ref p3, xa, ga, ref fade, store);
                    AddVector(faded, linear, ref o, (nuint)j + 8, ref p0, ref p1, ref p2, ref p3, xb, gb, ref fade, store);
                    xa += xStep2; xb += xStep2;
                    ga += gStep2; gb += gStep2;
                }
            }
            for (; j <= n - 8; j += 8)
            {
                AddVector(faded, linear, ref o, (nuint)j, ref p0, ref p1, ref p2, ref p3, xa, ga, ref fade, store);
                xa += xStep;
                ga += gStep;
            }
        }
        for (; j < n; j++)
        {
            float ramp = Unsafe.Add(ref r, j);
            float x = MathF.FusedMultiplyAdd(ramp, dx, x0);
            float g = MathF.FusedMultiplyAdd(ramp, dg, g0);
            if (faded) g *= Unsafe.Add(ref fade, j);
            float y = Unsafe.Add(ref p1, j);
            if (!linear)
            {
                y = MathF.FusedMultiplyAdd(Unsafe.Add(ref p3, j), x, Unsafe.Add(ref p2, j));
                y = MathF.FusedMultiplyAdd(y, x, Unsafe.Add(ref p1, j));
            }
            y = MathF.FusedMultiplyAdd(y, x, Unsafe.Add(ref p0, j));
            Unsafe.Add(ref o, j) = store ? g * y : MathF.FusedMultiplyAdd(g, y, Unsafe.Add(ref o, j));
        }
    }
}
