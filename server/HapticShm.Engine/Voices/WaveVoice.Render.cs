using HapticShm.Engine.Audio;
using HapticShm.Engine.Dsp;

namespace HapticShm.Engine.Voices;

internal sealed partial class WaveVoice
{
    public override void Render(ChannelBuffers output, int start, int count, RenderScratch scratch)
    {
        Span<float> source = scratch.Source.AsSpan(0, count);
        Span<float> fade = scratch.Fade.AsSpan(0, count);
        Generate(source, fade);
        int firstWrite = _write;
        WriteHistory(source);

        for (int j = 0; j < count;)
        {
            bool moving = _gliding || _crossfading;
            if (moving && _segment == 0) Advance();
            int length = moving ? Math.Min(SegmentFrames - _segment, count - j) : count - j;
            if (_crossfading)
            {
                Span<float> weightA = scratch.WeightA.AsSpan(0, length), weightB = scratch.WeightB.AsSpan(0, length);
                for (int i = 0; i < length; i++)
                {
                    float w = (_segment + i + 1) * (1f / SegmentFrames);
                    weightB[i] = fade[j + i] * w;
                    weightA[i] = fade[j + i] * (1f - w);
                }
                MixTaps(output, start + j, firstWrite + j, _previous, weightA);
                MixTaps(output, start + j, firstWrite + j, _current, weightB);
            }
            else
            {
                MixTaps(output, start + j, firstWrite + j, _current, fade.Slice(j, length));
            }
            _segment = (_segment + length) & (SegmentFrames - 1);
            j += length;
        }
        if (EnvelopeDone) _tailLeft -= count;
    }

    private void MixTaps(ChannelBuffers output, int outputStart, int writeIndex, TapSet[] taps, ReadOnlySpan<float> weights)
    {
        int length = weights.Length;
        for (int t = 0; t < taps.Length; t++)
        {
            ref readonly TapSet tap = ref taps[t];
            int first = (writeIndex - tap.Offset) & _mask;
            TapKernels.AddTaps(output[t].Slice(outputStart, length), weights, _history.AsSpan(first, length + 3), tap.C0, tap.C1, tap.C2, tap.C3);
        }
    }

    private void WriteHistory(ReadOnlySpan<float> source)
    {
        for (int j = 0; j < source.Length; j++)
        {
            int w = (_write + j) & _mask;
            _history[w] = source[j];
            if (w < _mirror) _history[w + _mask + 1] = source[j]; // mirror: reads never wrap
        }
        _write = (_write + source.Length) & _mask;
    }

    /// <summary>Segment boundary: the current taps become the previous ones and the delays and
    /// gains take one glide step toward their targets.</summary>
    private void Advance()
    {
        (_previous, _current) = (_current, _previous);
        bool changed = false, gliding = false;
        double gainSlew = GainRateLimit * SegmentFrames;
        for (int t = 0; t < _delay.Length; t++)
        {
            double delay = _delay[t], target = _targetDelay[t];
            double step = Math.Clamp((target - delay) * _glideCoefficient, -_delaySlew, _delaySlew);
            double next = Math.Abs(target - (delay + step)) < DelaySnap ? target : delay + step;

            float gain = _gain[t], targetGain = _targetGain[t];
            float gainStep = (float)Math.Clamp((targetGain - gain) * _glideCoefficient, -gainSlew, gainSlew);
            float nextGain = MathF.Abs(targetGain - (gain + gainStep)) < GainSnap ? targetGain : gain + gainStep;

            if (next != delay || nextGain != gain) changed = true;
            if (next != target || nextGain != targetGain) gliding = true;
            _delay[t] = next;
            _gain[t] = nextGain;
            _current[t] = Taps(next, nextGain);
        }
        _crossfading = changed;
        _gliding = gliding;
    }
}
