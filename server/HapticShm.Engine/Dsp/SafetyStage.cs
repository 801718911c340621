using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using HapticShm.Engine.Audio;

namespace HapticShm.Engine.Dsp;

/// <summary>
/// Last stage on every output sample: NaN/Inf become 0, then master gain, then a hard clip at
/// +-ceiling; tracks each channel's peak. A master-gain change ramps linearly over 5 ms so it
/// never clicks; the ceiling applies at once (it is a limit, not a level).
/// </summary>
internal sealed class SafetyStage
{
    private readonly float[] _gainRamp;
    private readonly float _rampStep;
    private float _gain = 1f;
    private float _targetGain = 1f;

    public SafetyStage(int sampleRate, int maxFrames)
    {
        _gainRamp = new float[maxFrames];
        _rampStep = 1f / (0.005f * sampleRate);
    }

    public float Ceiling { get; set; } = 1f;

    public float MasterGain
    {
        get => _targetGain;
        set => _targetGain = value;
    }

    /// <summary>Frames [start, start + count) of every channel, tracking each channel's peak in
    /// <paramref name="peaks"/>, after adding <paramref name="common"/> (count samples, or empty)
    /// times <paramref name="commonGains"/>[c] to each channel c: a signal every channel plays at its
    /// own gain (the standing waves), added in the same pass over the samples.</summary>
    public void Process(ChannelBuffers output, int start, int count, Span<float> peaks, ReadOnlySpan<float> common, ReadOnlySpan<float> commonGains)
    {
        if (!common.IsEmpty)
        {
            System.Diagnostics.Debug.Assert(common.Length == count && commonGains.Length >= output.ChannelCount, "one common sample per frame and one gain per channel");
            if (_gain == _targetGain)
            {
                for (int c = 0; c < output.ChannelCount; c++) peaks[c] = MathF.Max(peaks[c], ProcessConstant(output[c].Slice(start, count), _gain, Ceiling, common, commonGains[c]));
                return;
            }
            for (int c = 0; c < output.ChannelCount; c++) SpanMath.AddScaled(output[c].Slice(start, count), common, commonGains[c]);
        }
        if (_gain != _targetGain)
        {
            Span<float> ramp = _gainRamp.AsSpan(0, count);
            for (int j = 0; j < ramp.Length; j++)
            {
                float delta = _targetGain - _gain;
                _gain = MathF.Abs(delta) <= _rampStep ? _targetGain : _gain + MathF.CopySign(_rampStep, delta);
                ramp[j] = _gain;
            }
            for (int c = 0; c < output.ChannelCount; c++) peaks[c] = MathF.Max(peaks[c], ProcessRamp(output[c].Slice(start, count), ramp, Ceiling));
            return;
        }
        for (int c = 0; c < output.ChannelCount; c++) peaks[c] = MathF.Max(peaks[c], ProcessConstant(output[c].Slice(start, count), _gain, Ceiling, [], 0f));
    }

    // With a common signal, sample j first gets common[j] * commonGain added (one fused multiply-add).
    // A master gain of exactly 1 (the usual case) skips its multiply: the result is the same.
    private static float ProcessConstant(Span<float> samples, float gain, float ceiling, ReadOnlySpan<float> common, float commonGain)
    {
        bool unity = gain == 1f;
        if (!common.IsEmpty)
        {
            return unity ? ProcessConstant(samples, gain, ceiling, common, commonGain, withCommon: true, unity: true)
                : ProcessConstant(samples, gain, ceiling, common, commonGain, withCommon: true, unity: false);
        }
        return unity ? ProcessConstant(samples, gain, ceiling, samples, 0f, withCommon: false, unity: true)
            : ProcessConstant(samples, gain, ceiling, samples, 0f, withCommon: false, unity: false);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float ProcessConstant(Span<float> samples, float gain, float ceiling, ReadOnlySpan<float> common, float commonGain, bool withCommon, bool unity)
    {
        ref float s = ref MemoryMarshal.GetReference(samples);
        ref float m = ref MemoryMarshal.GetReference(common);
        int n = samples.Length, j = 0;
        float peak = 0f;
        if (Vector256.IsHardwareAccelerated && n >= 8)
        {
            Vector256<float> g = Vector256.Create(gain), hi = Vector256.Create(ceiling), lo = -hi, vPeak = Vector256<float>.Zero, cg = Vector256.Create(commonGain);
            for (; j <= n - 8; j += 8)
            {
                Vector256<float> v = Vector256.LoadUnsafe(ref s, (nuint)j);
                if (withCommon) v = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref m, (nuint)j), cg, v);
                v = Clean(v);
                if (!unity) v *= g;
                // Native min/max (no NaN or signed-zero fix-ups): v is finite here.
                v = Vector256.MinNative(Vector256.MaxNative(v, lo), hi);
                v.StoreUnsafe(ref s, (nuint)j);
                vPeak = Vector256.MaxNative(vPeak, Vector256.Abs(v));
            }
            peak = HorizontalMax(vPeak);
        }
        for (; j < n; j++)
        {
            float v = Unsafe.Add(ref s, j);
            if (withCommon) v = MathF.FusedMultiplyAdd(Unsafe.Add(ref m, j), commonGain, v);
            v = Math.Clamp(Clean(v) * gain, -ceiling, ceiling);
            Unsafe.Add(ref s, j) = v;
            peak = MathF.Max(peak, MathF.Abs(v));
        }
        return peak;
    }

    private static float ProcessRamp(Span<float> samples, ReadOnlySpan<float> gains, float ceiling)
    {
        float peak = 0f;
        for (int j = 0; j < samples.Length; j++)
        {
            float v = Math.Clamp(Clean(samples[j]) * gains[j], -ceiling, ceiling);
            samples[j] = v;
            peak = MathF.Max(peak, MathF.Abs(v));
        }
        return peak;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float HorizontalMax(Vector256<float> v)
    {
        Vector128<float> m = Vector128.MaxNative(v.GetLower(), v.GetUpper());
        m = Vector128.MaxNative(m, Vector128.Shuffle(m, Vector128.Create(2, 3, 0, 1)));
        m = Vector128.MaxNative(m, Vector128.Shuffle(m, Vector128.Create(1, 0, 3, 2)));
        return m.ToScalar();
    }

    // x - x is 0 for a finite x and NaN for NaN or infinity.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Clean(Vector256<float> v) => Vector256.ConditionalSelect(Vector256.Equals(v - v, Vector256<float>.Zero), v, Vector256<float>.Zero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Clean(float v) => float.IsFinite(v) ? v : 0f;
}
