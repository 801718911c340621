using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace HapticShm.Engine.Voices;

/// <summary>The per-segment glide of all transducers' delays and gains of a wave voice, eight
/// transducers per <see cref="Vector256{T}"/> (arrays are padded to whole vectors). Every value
/// is finite (commands are validated), so native min/max need no NaN fix-ups.</summary>
internal static class DelayGlide
{
    /// <summary>One glide step of every delay and gain, from <paramref name="delay"/> and
    /// <paramref name="gain"/> into <paramref name="nextDelay"/> and <paramref name="nextGain"/>:
    /// one-pole toward the target, clamped to the slew limits, snapped when close. Returns whether
    /// anything changed and whether any target is still ahead.</summary>
    public static (bool Changed, bool Gliding) Step(float[] delay, float[] nextDelay, float[] targetDelay, float[] gain, float[] nextGain, float[] targetGain,
        float coefficient, float delaySlew, float gainSlew, float delaySnap, float gainSnap)
    {
        bool changed = false, gliding = false;
        var k = Vector256.Create(coefficient);
        var dSlew = Vector256.Create(delaySlew);
        var gSlew = Vector256.Create(gainSlew);
        var dSnap = Vector256.Create(delaySnap);
        var gSnap = Vector256.Create(gainSnap);
        // All six arrays have the same length, a whole number of vectors: unchecked loads and stores.
        if (nextDelay.Length != delay.Length || targetDelay.Length != delay.Length || gain.Length != delay.Length || nextGain.Length != delay.Length || targetGain.Length != delay.Length || delay.Length % 8 != 0)
        {
            throw new ArgumentException("delay and gain arrays of one padded length");
        }
        ref float d0 = ref MemoryMarshal.GetArrayDataReference(delay), nd0 = ref MemoryMarshal.GetArrayDataReference(nextDelay), td0 = ref MemoryMarshal.GetArrayDataReference(targetDelay);
        ref float g0 = ref MemoryMarshal.GetArrayDataReference(gain), ng0 = ref MemoryMarshal.GetArrayDataReference(nextGain), tg0 = ref MemoryMarshal.GetArrayDataReference(targetGain);
        for (nuint t = 0; t < (nuint)delay.Length; t += 8)
        {
            var d = Vector256.LoadUnsafe(ref d0, t);
            var td = Vector256.LoadUnsafe(ref td0, t);
            var nd = d + Vector256.MinNative(Vector256.MaxNative((td - d) * k, -dSlew), dSlew);
            nd = Vector256.ConditionalSelect(Vector256.LessThan(Vector256.Abs(td - nd), dSnap), td, nd);

            var g = Vector256.LoadUnsafe(ref g0, t);
            var tg = Vector256.LoadUnsafe(ref tg0, t);
            var ng = g + Vector256.MinNative(Vector256.MaxNative((tg - g) * k, -gSlew), gSlew);
            ng = Vector256.ConditionalSelect(Vector256.LessThan(Vector256.Abs(tg - ng), gSnap), tg, ng);

            changed |= !Vector256.EqualsAll(nd, d) || !Vector256.EqualsAll(ng, g);
            gliding |= !Vector256.EqualsAll(nd, td) || !Vector256.EqualsAll(ng, tg);
            nd.StoreUnsafe(ref nd0, t);
            ng.StoreUnsafe(ref ng0, t);
        }
        return (changed, gliding);
    }
}
