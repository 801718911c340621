using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using HapticShm.Engine.Dsp;

namespace HapticShm.Engine.Voices;

/// <summary>
/// How every transducer of a wave voice reads the history during one glide segment of
/// <see cref="WaveVoice.SegmentFrames"/> frames: its delay goes linearly from d to d + delta and
/// its gain from g to g + dg, frame s of the segment at ramp <c>r = (s + 1) / SegmentFrames</c>.
/// A read uses the node <c>lag</c> samples before the frame's own source sample and the fraction
/// <c>x = lag - delay = x0 + r dx</c> (dx = -delta). The lag is chosen per window so that x stays
/// near the central interval (0, 1]: one window when the delay moves by at most a sample, else
/// at least one window per sample of movement (a power of two of them, so each is a whole number
/// of 8-frame vectors while it can be), at fixed positions of the segment, so any split of the
/// output into blocks reads exactly the same nodes.
/// </summary>
internal sealed class SegmentReads
{
    /// <summary>Most windows a transducer uses in one segment (its delay moves at most half a sample per frame).</summary>
    public const int MaxWindows = WaveVoice.SegmentFrames / 2;

    public SegmentReads(int stride)
    {
        Stride = stride;
        Windows = new int[stride];
        Lags = new int[stride * MaxWindows];
        X0 = new float[stride * MaxWindows];
        Dx = new float[stride];
        G0 = new float[stride];
        Dg = new float[stride];
    }

    public int Stride { get; }

    /// <summary>Per transducer: windows in this segment (1 for a fixed or slowly moving delay).</summary>
    public int[] Windows { get; }

    /// <summary>Window w of transducer t at w * Stride + t: nodes back from the frame's own sample (at least 2).</summary>
    public int[] Lags { get; }

    /// <summary>Window w of transducer t at w * Stride + t: x at r = 0.</summary>
    public float[] X0 { get; }

    /// <summary>Whether any transducer uses more than one window in this segment.</summary>
    public bool HasMultipleWindows { get; private set; }

    public float[] Dx { get; }
    public float[] G0 { get; }
    public float[] Dg { get; }

    /// <summary>First segment position of window <paramref name="w"/> of <paramref name="windows"/>.</summary>
    public static int WindowStart(int w, int windows) => w * WaveVoice.SegmentFrames / windows;

    /// <summary>Reads for a segment that glides from the first delays and gains to the second
    /// (spans of <see cref="Stride"/> elements). Eight transducers at a time; the few whose delay
    /// moves by more than a sample get their windows one by one, unless <paramref name="oneWindow"/>.</summary>
    /// <param name="oneWindow">Every transducer reads the whole segment through one window, its
    /// x spanning the whole movement. Right for linear reads of a slew-limited delay (see
    /// <see cref="DelayInterpolationChoice"/>).</param>
    public void Set(ReadOnlySpan<float> fromDelay, ReadOnlySpan<float> toDelay, ReadOnlySpan<float> fromGain, ReadOnlySpan<float> toGain, bool oneWindow = false)
    {
        if (fromDelay.Length < Stride || toDelay.Length < Stride || fromGain.Length < Stride || toGain.Length < Stride) throw new ArgumentException("spans of Stride elements");
        Vector256<float> one = Vector256<float>.One, middle = Vector256.Create(OneWindowMiddle);
        ref float fd = ref MemoryMarshal.GetReference(fromDelay), td = ref MemoryMarshal.GetReference(toDelay);
        ref float fg = ref MemoryMarshal.GetReference(fromGain), tg = ref MemoryMarshal.GetReference(toGain);
        ref int lags = ref MemoryMarshal.GetArrayDataReference(Lags), windows = ref MemoryMarshal.GetArrayDataReference(Windows);
        ref float x0 = ref MemoryMarshal.GetArrayDataReference(X0), dx = ref MemoryMarshal.GetArrayDataReference(Dx);
        ref float g0 = ref MemoryMarshal.GetArrayDataReference(G0), dg = ref MemoryMarshal.GetArrayDataReference(Dg);
        bool multiple = false;
        for (int t = 0; t < Stride; t += 8) // Stride is a whole number of vectors; window 0 of Lags and X0 comes first
        {
            Vector256<float> from = Vector256.LoadUnsafe(ref fd, (nuint)t), delta = Vector256.LoadUnsafe(ref td, (nuint)t) - from;
            Vector256<float> lag = Vector256.MaxNative(Vector256.Floor(Vector256.FusedMultiplyAdd(middle, delta, from)), one) + one;
            Vector256.ConvertToInt32(lag).StoreUnsafe(ref lags, (nuint)t);
            (lag - from).StoreUnsafe(ref x0, (nuint)t);
            (-delta).StoreUnsafe(ref dx, (nuint)t);
            Vector256<float> gain = Vector256.LoadUnsafe(ref fg, (nuint)t);
            gain.StoreUnsafe(ref g0, (nuint)t);
            (Vector256.LoadUnsafe(ref tg, (nuint)t) - gain).StoreUnsafe(ref dg, (nuint)t);
            Vector256<int>.One.StoreUnsafe(ref windows, (nuint)t);
            if (oneWindow || !Vector256.GreaterThanAny(Vector256.Abs(delta), one)) continue;
            multiple = true;
            SetWindows(fromDelay, toDelay, t);
        }
        HasMultipleWindows = multiple;
    }

    // One window's middle ramp value: (0 + SegmentFrames + 1) / 2 / SegmentFrames.
    private const float OneWindowMiddle = (WaveVoice.SegmentFrames + 1) * (0.5f / WaveVoice.SegmentFrames);

    private void SetWindows(ReadOnlySpan<float> fromDelay, ReadOnlySpan<float> toDelay, int first)
    {
        for (int t = first; t < first + 8; t++)
        {
            float from = fromDelay[t], delta = toDelay[t] - from;
            if (MathF.Abs(delta) <= 1f) continue;
            // A power of two: windows of 64, 32, 16 or 8 frames are whole 8-frame vectors (no
            // scalar tails), and each still moves its delay by at most a sample.
            int windows = Math.Min((int)BitOperations.RoundUpToPowerOf2((uint)MathF.Ceiling(MathF.Abs(delta))), MaxWindows);
            Windows[t] = windows;
            for (int w = 0; w < windows; w++)
            {
                // The delay in the middle of the window decides its node: x then spans at most
                // about a sample around the central interval.
                float middle = (WindowStart(w, windows) + WindowStart(w + 1, windows) + 1) * (0.5f / WaveVoice.SegmentFrames);
                float delay = MathF.FusedMultiplyAdd(middle, delta, from);
                int lag = Math.Max((int)MathF.Floor(delay), 1) + 1;
                Lags[w * Stride + t] = lag;
                X0[w * Stride + t] = lag - from;
            }
        }
    }
}
