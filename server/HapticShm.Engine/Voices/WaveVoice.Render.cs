using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using HapticShm.Engine.Audio;
using HapticShm.Engine.Dsp;

namespace HapticShm.Engine.Voices;

internal sealed partial class WaveVoice
{
    private bool ReadsLinearly => _history.Interpolation == DelayInterpolation.Linear;

    public override void Render(ChannelBuffers output, int start, int count, RenderScratch scratch)
    {
        Span<float> fade = scratch.Fade.AsSpan(0, count);
        int firstNode = _history.Next; // ring index of this chunk's first source sample
        bool steadyFade = Generate(_history.BeginAppend(count, scratch), fade); // a constant fade folds into the gains
        _history.EndAppend(count, scratch);
        // The first voice of a chunk writes every channel instead of adding to cleared ones, when it can.
        bool store = !scratch.OutputStarted && steadyFade && ReadsLinearly;
        if (store) scratch.OutputStarted = true;
        else scratch.StartAdding(output, start, count);
        int segment = (int)(scratch.Frame & (SegmentFrames - 1));
        for (int j = 0; j < count;)
        {
            bool moving = _gliding || _moving;
            if (moving && segment == 0) Advance();
            int length = moving ? Math.Min(SegmentFrames - segment, count - j) : count - j;
            // A steady fade is only in fade[0] (see Generate), and only fade[0] is read then.
            RenderPiece(output, start + j, length, segment, firstNode + j, steadyFade ? fade[..1] : fade.Slice(j, length), steadyFade, store);
            segment = (segment + length) & (SegmentFrames - 1);
            j += length;
        }
        if (EnvelopeDone) _tailLeft -= count;
    }

    /// <summary>Frames [outStart, outStart + frames) of every transducer, all in one segment
    /// starting at segment position <paramref name="segment"/>; <paramref name="firstNode"/> is
    /// the ring index of the first frame's own source sample.</summary>
    private void RenderPiece(ChannelBuffers output, int outStart, int frames, int segment, int firstNode, ReadOnlySpan<float> fade, bool steadyFade, bool store)
    {
        if (steadyFade && ReadsLinearly)
        {
            if (store) AddLinearReads(store: true, output, outStart, frames, segment, firstNode, fade[0]);
            else AddLinearReads(store: false, output, outStart, frames, segment, firstNode, fade[0]);
            return;
        }
        var history = new HistoryRefs(_history, segment);
        // Two copies of the common loop, so neither tests the fade per transducer.
        if (steadyFade) AddSingleWindows(faded: false, output, outStart, frames, firstNode, history, fade[0], ref MemoryMarshal.GetReference(fade));
        else AddSingleWindows(faded: true, output, outStart, frames, firstNode, history, 1f, ref MemoryMarshal.GetReference(fade));
        if (_reads.HasMultipleWindows) AddMultipleWindows(output, outStart, frames, segment, firstNode, history, fade, steadyFade);
    }

    /// <summary>The common case, kept lean: a linear voice at a steady fade, where every transducer
    /// reads through one window (<see cref="SegmentReads.Set"/>'s oneWindow). With
    /// <paramref name="store"/> it writes the frames instead of adding to them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddLinearReads(bool store, ChannelBuffers output, int outStart, int frames, int segment, int firstNode, float fadeGain)
    {
        SegmentReads reads = _reads;
        ref int lags = ref MemoryMarshal.GetArrayDataReference(reads.Lags);
        ref float x0s = ref MemoryMarshal.GetArrayDataReference(reads.X0);
        ref float dxs = ref MemoryMarshal.GetArrayDataReference(reads.Dx);
        ref float g0s = ref MemoryMarshal.GetArrayDataReference(reads.G0);
        ref float dgs = ref MemoryMarshal.GetArrayDataReference(reads.Dg);
        ref float p0 = ref MemoryMarshal.GetArrayDataReference(_history.P0);
        ref float p1 = ref MemoryMarshal.GetArrayDataReference(_history.P1);
        ref float r = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(GlideSegment.Ramp), segment);
        int mask = _history.Mask;
        for (int t = 0; t < _count; t++) // _count <= Stride and output has _count channels
        {
            int at = (firstNode - Unsafe.Add(ref lags, t)) & mask;
            ref float o = ref output.UncheckedAt(t, outStart);
            float x0 = Unsafe.Add(ref x0s, t), dx = Unsafe.Add(ref dxs, t), g0 = Unsafe.Add(ref g0s, t) * fadeGain, dg = Unsafe.Add(ref dgs, t) * fadeGain;
            if (store) FarrowKernel.StoreLinear(ref o, frames, ref r, ref Unsafe.Add(ref p0, at), ref Unsafe.Add(ref p1, at), x0, dx, g0, dg);
            else FarrowKernel.AddLinear(ref o, frames, ref r, ref Unsafe.Add(ref p0, at), ref Unsafe.Add(ref p1, at), x0, dx, g0, dg);
        }
    }

    /// <summary>Every transducer that reads the whole segment through one window (nearly always all of them).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddSingleWindows(bool faded, ChannelBuffers output, int outStart, int frames, int firstNode, in HistoryRefs history, float fadeGain, ref float fade)
    {
        SegmentReads reads = _reads;
        ref int windows = ref MemoryMarshal.GetArrayDataReference(reads.Windows);
        ref int lags = ref MemoryMarshal.GetArrayDataReference(reads.Lags);
        ref float x0s = ref MemoryMarshal.GetArrayDataReference(reads.X0);
        ref float dxs = ref MemoryMarshal.GetArrayDataReference(reads.Dx);
        ref float g0s = ref MemoryMarshal.GetArrayDataReference(reads.G0);
        ref float dgs = ref MemoryMarshal.GetArrayDataReference(reads.Dg);
        for (int t = 0; t < _count; t++) // _count <= Stride: every ref below stays in its array
        {
            if (Unsafe.Add(ref windows, t) != 1) continue;
            ref float o = ref MemoryMarshal.GetReference(output[t].Slice(outStart, frames));
            history.Add(faded, ref o, 0, frames, firstNode - Unsafe.Add(ref lags, t), Unsafe.Add(ref x0s, t), Unsafe.Add(ref dxs, t),
                Unsafe.Add(ref g0s, t) * fadeGain, Unsafe.Add(ref dgs, t) * fadeGain, ref fade);
        }
    }

    /// <summary>The transducers whose delay moves by more than a sample in this segment: one run per window.</summary>
    private void AddMultipleWindows(ChannelBuffers output, int outStart, int frames, int segment, int firstNode, in HistoryRefs history, ReadOnlySpan<float> fade, bool steadyFade)
    {
        SegmentReads reads = _reads;
        float fadeGain = steadyFade ? fade[0] : 1f;
        ref float fadeRef = ref MemoryMarshal.GetReference(fade);
        for (int t = 0; t < _count; t++)
        {
            int windows = reads.Windows[t];
            if (windows == 1) continue;
            ref float o = ref MemoryMarshal.GetReference(output[t].Slice(outStart, frames));
            float dx = reads.Dx[t], g0 = reads.G0[t] * fadeGain, dg = reads.Dg[t] * fadeGain;
            for (int w = 0; w < windows; w++)
            {
                int from = Math.Max(segment, SegmentReads.WindowStart(w, windows));
                int to = Math.Min(segment + frames, SegmentReads.WindowStart(w + 1, windows));
                if (from >= to) continue;
                int i = w * reads.Stride + t;
                history.Add(!steadyFade, ref o, from - segment, to - from, firstNode - reads.Lags[i], reads.X0[i], dx, g0, dg, ref fadeRef);
            }
        }
    }

    /// <summary>The history rings and the ramp from the piece's segment position, as refs taken
    /// once per piece.</summary>
    private readonly ref struct HistoryRefs(WaveHistory history, int segment)
    {
        private readonly ref float _p0 = ref MemoryMarshal.GetArrayDataReference(history.P0);
        private readonly ref float _p1 = ref MemoryMarshal.GetArrayDataReference(history.P1);
        private readonly ref float _p2 = ref MemoryMarshal.GetArrayDataReference(history.P2);
        private readonly ref float _p3 = ref MemoryMarshal.GetArrayDataReference(history.P3);
        private readonly ref float _ramp = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(GlideSegment.Ramp), segment);
        private readonly int _mask = history.Mask;
        private readonly bool _linear = history.Interpolation == DelayInterpolation.Linear;

        /// <summary>Adds <paramref name="n"/> frames from <paramref name="offset"/> frames into the
        /// piece (output, ramp and fade all from there), reading from node
        /// <paramref name="node"/> + offset (any integer: it wraps).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add(bool faded, ref float o, int offset, int n, int node, float x0, float dx, float g0, float dg, ref float fade)
        {
            int at = (node + offset) & _mask;
            ref float r = ref Unsafe.Add(ref _ramp, offset);
            ref float oo = ref Unsafe.Add(ref o, offset);
            if (_linear)
            {
                if (!faded) FarrowKernel.AddLinear(ref oo, n, ref r, ref Unsafe.Add(ref _p0, at), ref Unsafe.Add(ref _p1, at), x0, dx, g0, dg);
                else FarrowKernel.AddLinearFaded(ref oo, n, ref r, ref Unsafe.Add(ref _p0, at), ref Unsafe.Add(ref _p1, at), x0, dx, g0, dg, ref Unsafe.Add(ref fade, offset));
            }
            else if (!faded)
            {
                FarrowKernel.Add(ref oo, n, ref r, ref Unsafe.Add(ref _p0, at), ref Unsafe.Add(ref _p1, at), ref Unsafe.Add(ref _p2, at), ref Unsafe.Add(ref _p3, at), x0, dx, g0, dg);
            }
            else
            {
                FarrowKernel.AddFaded(ref oo, n, ref r, ref Unsafe.Add(ref _p0, at), ref Unsafe.Add(ref _p1, at), ref Unsafe.Add(ref _p2, at), ref Unsafe.Add(ref _p3, at),
                    x0, dx, g0, dg, ref Unsafe.Add(ref fade, offset));
            }
        }
    }

    /// <summary>Segment boundary: the delays and gains take one glide step toward their targets,
    /// and the segment reads move linearly from the old values to the new.</summary>
    private void Advance()
    {
        RefreshTargets();
        (_segmentDelay, _delay) = (_delay, _segmentDelay);
        (_segmentGain, _gain) = (_gain, _segmentGain);
        (_moving, _gliding) = DelayGlide.Step(_segmentDelay, _delay, _targetDelay, _segmentGain, _gain, _targetGain, _glideCoefficient,
            _delaySlew, GainRateLimit * SegmentFrames, DelaySnap, GainSnap);
        _reads.Set(_segmentDelay, _delay, _segmentGain, _gain, oneWindow: ReadsLinearly);
    }
}
