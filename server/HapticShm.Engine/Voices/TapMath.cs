using System.Runtime.Intrinsics;

namespace HapticShm.Engine.Voices;

/// <summary>Per-segment glide and Lagrange coefficients for all transducers of a wave voice,
/// eight transducers per <see cref="Vector256{T}"/> (arrays are padded to whole vectors).</summary>
internal static class TapMath
{
    /// <summary>One glide step of every delay and gain: one-pole toward the target, clamped to the
    /// slew limits, snapped when close. Returns whether anything changed and whether any target is
    /// still ahead.</summary>
    public static (bool Changed, bool Gliding) Glide(float[] delay, float[] targetDelay, float[] gain, float[] targetGain,
        float coefficient, float delaySlew, float gainSlew, float delaySnap, float gainSnap)
    {
        bool changed = false, gliding = false;
        var k = Vector256.Create(coefficient);
        var dSlew = Vector256.Create(delaySlew);
        var gSlew = Vector256.Create(gainSlew);
        var dSnap = Vector256.Create(delaySnap);
        var gSnap = Vector256.Create(gainSnap);
        for (int t = 0; t < delay.Length; t += 8)
        {
            var d = Vector256.Create(delay.AsSpan(t, 8));
            var td = Vector256.Create(targetDelay.AsSpan(t, 8));
            var nd = d + Vector256.Min(Vector256.Max((td - d) * k, -dSlew), dSlew);
            nd = Vector256.ConditionalSelect(Vector256.LessThan(Vector256.Abs(td - nd), dSnap), td, nd);

            var g = Vector256.Create(gain.AsSpan(t, 8));
            var tg = Vector256.Create(targetGain.AsSpan(t, 8));
            var ng = g + Vector256.Min(Vector256.Max((tg - g) * k, -gSlew), gSlew);
            ng = Vector256.ConditionalSelect(Vector256.LessThan(Vector256.Abs(tg - ng), gSnap), tg, ng);

            changed |= !Vector256.EqualsAll(nd, d) || !Vector256.EqualsAll(ng, g);
            gliding |= !Vector256.EqualsAll(nd, td) || !Vector256.EqualsAll(ng, tg);
            nd.CopyTo(delay.AsSpan(t, 8));
            ng.CopyTo(gain.AsSpan(t, 8));
        }
        return (changed, gliding);
    }

    /// <summary>Fills tap set <paramref name="set"/> from the delays (samples) and gains.
    /// Same formula as <see cref="Dsp.LagrangeDelay.Coefficients"/>, in float.</summary>
    public static void Coefficients(float[] delay, float[] gain, TapSets sets, int set)
    {
        int baseIndex = set * sets.Stride;
        var one = Vector256<float>.One;
        var two = Vector256.Create(2f);
        var sixth = Vector256.Create(1f / 6f);
        var half = Vector256.Create(0.5f);
        for (int t = 0; t < delay.Length; t += 8)
        {
            var d = Vector256.Create(delay.AsSpan(t, 8));
            var g = Vector256.Create(gain.AsSpan(t, 8));
            var whole = Vector256.Max(Vector256.Floor(d), one);
            var x = one + whole - d;
            Vector256<float> xp1 = x + one, xm1 = x - one, xm2 = x - two;
            (-x * xm1 * xm2 * sixth * g).CopyTo(sets.C0.AsSpan(baseIndex + t, 8));
            (xp1 * xm1 * xm2 * half * g).CopyTo(sets.C1.AsSpan(baseIndex + t, 8));
            (-xp1 * x * xm2 * half * g).CopyTo(sets.C2.AsSpan(baseIndex + t, 8));
            (xp1 * x * xm1 * sixth * g).CopyTo(sets.C3.AsSpan(baseIndex + t, 8));
            (Vector256.ConvertToInt32(whole) + Vector256.Create(2)).CopyTo(sets.Offsets.AsSpan(baseIndex + t, 8));
        }
    }
}
