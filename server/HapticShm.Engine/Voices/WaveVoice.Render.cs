using System.Runtime.CompilerServices;
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
        // The fade only ramps down, so equal ends mean a constant fade: it folds into the taps.
        bool steadyFade = fade[0] == fade[count - 1];
        int pieces = Plan(count, fade, scratch);
        for (int p = 0; p < pieces; p++)
        {
            Piece piece = _pieces[p];
            if (!piece.Crossfade)
            {
                for (int t = 0; t < _count; t++) RenderSteady(ref OutputAt(output, t, start), piece, t, firstWrite, ref MemoryMarshal.GetReference(fade));
            }
            else if (steadyFade)
            {
                RenderGliding(output, start, piece, firstWrite, fade[0], scratch);
            }
            else
            {
                for (int t = 0; t < _count; t++) RenderCrossfade(ref OutputAt(output, t, start), piece, t, firstWrite, scratch);
            }
        }
        if (EnvelopeDone) _tailLeft -= count;
    }

    private static ref float OutputAt(ChannelBuffers output, int t, int start) => ref MemoryMarshal.GetReference(output[t].Slice(start));

    private void RenderSteady(ref float o, Piece piece, int t, int firstWrite, ref float fade)
    {
        int b = piece.SetB * _sets.Stride + t;
        int first = (firstWrite + piece.Start - _sets.Offsets[b]) & _mask;
        TapKernels.AddTaps(ref o, piece.Start, piece.Length, ref fade, ref MemoryMarshal.GetArrayDataReference(_history), first,
            _sets.C0[b], _sets.C1[b], _sets.C2[b], _sets.C3[b]);
    }

    /// <summary>A crossfading piece at a constant fade: one pass per transducer with gliding
    /// coefficients, or the two-pass crossfade where the two windows are far apart.</summary>
    private void RenderGliding(ChannelBuffers output, int start, Piece piece, int firstWrite, float fade, RenderScratch scratch)
    {
        GlideTable g = _glide;
        g.Fill(_sets, piece.SetA, piece.SetB, fade);
        ref float ramp = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(RampUp), piece.Segment);
        ref float history = ref MemoryMarshal.GetArrayDataReference(_history);
        float[] a0 = g.A0, a1 = g.A1, a2 = g.A2, a3 = g.A3, a4 = g.A4, d0 = g.D0, d1 = g.D1, d2 = g.D2, d3 = g.D3, d4 = g.D4;
        int[] taps = g.Taps, offsets = g.Offsets;
        for (int t = 0; t < _count; t++)
        {
            ref float o = ref OutputAt(output, t, start);
            int first = (firstWrite + piece.Start - offsets[t]) & _mask;
            switch (taps[t])
            {
                case 4:
                    GlidingTaps.Add4(ref o, piece.Start, piece.Length, ref ramp, ref history, first, a0[t], a1[t], a2[t], a3[t], d0[t], d1[t], d2[t], d3[t]);
                    break;
                case 5:
                    GlidingTaps.Add5(ref o, piece.Start, piece.Length, ref ramp, ref history, first,
                        a0[t], a1[t], a2[t], a3[t], a4[t], d0[t], d1[t], d2[t], d3[t], d4[t]);
                    break;
                default:
                    RenderCrossfade(ref o, piece, t, firstWrite, scratch);
                    break;
            }
        }
    }

    private void RenderCrossfade(ref float o, Piece piece, int t, int firstWrite, RenderScratch scratch)
    {
        int[] offsets = _sets.Offsets;
        float[] c0 = _sets.C0, c1 = _sets.C1, c2 = _sets.C2, c3 = _sets.C3;
        ref float history = ref MemoryMarshal.GetArrayDataReference(_history);
        ref float weightA = ref MemoryMarshal.GetArrayDataReference(scratch.WeightA);
        ref float weightB = ref MemoryMarshal.GetArrayDataReference(scratch.WeightB);
        int a = piece.SetA * _sets.Stride + t, b = piece.SetB * _sets.Stride + t;
        int firstA = (firstWrite + piece.Start - offsets[a]) & _mask;
        int firstB = (firstWrite + piece.Start - offsets[b]) & _mask;
        if (firstA == firstB)
        {
            TapKernels.AddCrossfadedTapsSameWindow(ref o, piece.Start, piece.Length, ref weightA, ref weightB, ref history, firstB,
                c0[a], c1[a], c2[a], c3[a], c0[b], c1[b], c2[b], c3[b]);
            return;
        }
        TapKernels.AddCrossfadedTaps(ref o, piece.Start, piece.Length, ref weightA, ref weightB, ref history, firstA, firstB,
            c0[a], c1[a], c2[a], c3[a], c0[b], c1[b], c2[b], c3[b]);
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
                SpanMath.Multiply(fade.Slice(j, length), RampUp.AsSpan(segment, length), scratch.WeightB.AsSpan(j, length));
                SpanMath.Multiply(fade.Slice(j, length), RampDown.AsSpan(segment, length), scratch.WeightA.AsSpan(j, length));
            }
            _pieces[pieces++] = new Piece { Start = j, Length = length, Segment = segment, SetA = _previousSet, SetB = _currentSet, Crossfade = _crossfading };
            segment = (segment + length) & (SegmentFrames - 1);
            j += length;
        }
        return pieces;
    }

    // Crossfade weights of frame i of a segment: the new tap set's share, (i + 1) / SegmentFrames.
    private static readonly float[] RampUp = Ramp(up: true);
    private static readonly float[] RampDown = Ramp(up: false);

    private static float[] Ramp(bool up)
    {
        var ramp = new float[SegmentFrames];
        for (int i = 0; i < ramp.Length; i++)
        {
            float w = (i + 1) * (1f / SegmentFrames);
            ramp[i] = up ? w : 1f - w;
        }
        return ramp;
    }

    private void WriteHistory(ReadOnlySpan<float> source)
    {
        int capacity = _mask + 1;
        int first = Math.Min(source.Length, capacity - _write);
        source[..first].CopyTo(_history.AsSpan(_write));
        source[first..].CopyTo(_history); // wrapped part
        // Mirror the start of the ring after its end, so a read of up to a chunk never wraps.
        int mirrorFrom = _write < _mirror ? _write : 0;
        int end = _write + source.Length;
        if (_write < _mirror) _history.AsSpan(mirrorFrom, Math.Min(end, _mirror) - mirrorFrom).CopyTo(_history.AsSpan(capacity + mirrorFrom));
        if (end > capacity) _history.AsSpan(0, Math.Min(end - capacity, _mirror)).CopyTo(_history.AsSpan(capacity));
        _write = end & _mask;
    }

    /// <summary>Segment boundary: the current taps become the previous ones and the delays and
    /// gains take one glide step toward their targets, into a fresh tap set.</summary>
    private void Advance()
    {
        RefreshTargets();
        _previousSet = _currentSet;
        _currentSet = (_currentSet + 1) % _sets.Count;
        (_crossfading, _gliding) = TapMath.Glide(_delay, _targetDelay, _gain, _targetGain, _glideCoefficient,
            _delaySlew, GainRateLimit * SegmentFrames, DelaySnap, GainSnap);
        TapMath.Coefficients(_delay, _gain, _sets, _currentSet);
    }
}
