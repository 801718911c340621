using System.Runtime.InteropServices;
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
        int pieces = Plan(count, fade, scratch);
        int[] offsets = _sets.Offsets;
        float[] c0 = _sets.C0, c1 = _sets.C1, c2 = _sets.C2, c3 = _sets.C3;

        ref float history = ref MemoryMarshal.GetArrayDataReference(_history);
        ref float weightA = ref MemoryMarshal.GetArrayDataReference(scratch.WeightA);
        ref float weightB = ref MemoryMarshal.GetArrayDataReference(scratch.WeightB);
        ref float fadeRef = ref MemoryMarshal.GetReference(fade);
        int stride = _sets.Stride;
        for (int t = 0; t < _count; t++)
        {
            ref float o = ref MemoryMarshal.GetReference(output[t].Slice(start, count));
            for (int p = 0; p < pieces; p++)
            {
                Piece piece = _pieces[p];
                int b = piece.SetB * stride + t;
                int firstB = (firstWrite + piece.Start - offsets[b]) & _mask;
                if (piece.Crossfade)
                {
                    int a = piece.SetA * stride + t;
                    int firstA = (firstWrite + piece.Start - offsets[a]) & _mask;
                    TapKernels.AddCrossfadedTaps(ref o, piece.Start, piece.Length, ref weightA, ref weightB, ref history, firstA, firstB,
                        c0[a], c1[a], c2[a], c3[a], c0[b], c1[b], c2[b], c3[b]);
                }
                else
                {
                    TapKernels.AddTaps(ref o, piece.Start, piece.Length, ref fadeRef, ref history, firstB, c0[b], c1[b], c2[b], c3[b]);
                }
            }
        }
        if (EnvelopeDone) _tailLeft -= count;
    }

    /// <summary>Splits the chunk at segment boundaries while moving, advancing the glide at each,
    /// and writes the crossfade weights of every crossfading frame.</summary>
    private int Plan(int count, ReadOnlySpan<float> fade, RenderScratch scratch)
    {
        int pieces = 0;
        int segment = (int)(scratch.Frame & (SegmentFrames - 1));
        for (int j = 0; j < count;)
        {
            bool moving = _gliding || _crossfading;
            if (moving && segment == 0) Advance();
            int length = moving ? Math.Min(SegmentFrames - segment, count - j) : count - j;
            if (_crossfading)
            {
                for (int i = 0; i < length; i++)
                {
                    float w = (segment + i + 1) * (1f / SegmentFrames);
                    scratch.WeightB[j + i] = fade[j + i] * w;
                    scratch.WeightA[j + i] = fade[j + i] * (1f - w);
                }
            }
            _pieces[pieces++] = new Piece { Start = j, Length = length, SetA = _previousSet, SetB = _currentSet, Crossfade = _crossfading };
            segment = (segment + length) & (SegmentFrames - 1);
            j += length;
        }
        return pieces;
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
    /// gains take one glide step toward their targets, into a fresh tap set.</summary>
    private void Advance()
    {
        _previousSet = _currentSet;
        _currentSet = (_currentSet + 1) % _sets.Count;
        (_crossfading, _gliding) = TapMath.Glide(_delay, _targetDelay, _gain, _targetGain, _glideCoefficient,
            _delaySlew, GainRateLimit * SegmentFrames, DelaySnap, GainSnap);
        TapMath.Coefficients(_delay, _gain, _sets, _currentSet);
    }
}
