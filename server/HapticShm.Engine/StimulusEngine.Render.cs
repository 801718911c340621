using HapticShm.Engine.Audio;
using HapticShm.Engine.Dsp;
using HapticShm.Engine.Scheduling;
using HapticShm.Engine.Voices;

namespace HapticShm.Engine;

public sealed partial class StimulusEngine
{
    /// <summary>
    /// Renders <c>output.Frames</c> frames starting at <paramref name="blockStartNs"/> (monotonic
    /// clock): every pending command due in this block is applied at its exact frame, voices are
    /// rendered sample-accurately in between, and the safety stage runs on every sample.
    /// </summary>
    /// <remarks>Real-time safe: no allocation, lock, syscall or I/O. Throws
    /// <see cref="ArgumentException"/> only for a wrong channel count or frame count (a caller bug).</remarks>
    public void Render(ChannelBuffers output, long blockStartNs)
    {
        int frames = output.Frames;
        if (output.ChannelCount != ChannelCount) throw new ArgumentException($"expected {ChannelCount} channels, got {output.ChannelCount}", nameof(output));
        if (frames < 1 || frames > _options.MaxBlockFrames) throw new ArgumentException($"frames must be 1..{_options.MaxBlockFrames}, got {frames}", nameof(output));

        for (int c = 0; c < output.ChannelCount; c++) output[c].Clear();
        Array.Clear(_levels);

        int position = 0;
        double framesPerNs = _options.SampleRate / 1e9;
        while (_queue.Count > 0)
        {
            ref readonly PendingCommand pending = ref _queue.Peek();
            double exact = (pending.DueNs - blockStartNs) * framesPerNs;
            if (exact >= frames) break; // cheap early test before rounding
            long frame = (long)Math.Floor(exact + 0.5);
            if (frame >= frames) break;
            if (frame < 0)
            {
                _late++;
                _lateOf[pending.ClientId]++;
            }
            int at = Math.Max((int)Math.Max(frame, 0), position);
            RenderRange(output, position, at - position);
            position = at;
            Apply(pending.Command, pending.ClientId);
            _queue.RemoveHead();
        }
        RenderRange(output, position, frames - position);
        _frame += frames;
    }

    private void RenderRange(ChannelBuffers output, int start, int count)
    {
        if (count <= 0) return;
        for (int done = 0; done < count; done += RenderScratch.ChunkFrames)
        {
            int chunk = Math.Min(RenderScratch.ChunkFrames, count - done);
            _scratch.Frame = _frame + start + done;
            _wave.Render(output, start + done, chunk, _scratch);
            if (_standing.CountActive() > 0) RenderStanding(output, start + done, chunk);
        }
        _safety.Process(output, start, count, _levels);
    }

    private void RenderStanding(ChannelBuffers output, int start, int count)
    {
        Span<float> sum = _scratch.StandingSum.AsSpan(0, count);
        sum.Clear();
        _standing.Render(output, start, count, _scratch);
        for (int c = 0; c < _gains.Length; c++) TapKernels.AddScaled(output[c].Slice(start, count), sum, _gains[c]);
    }
}
