using HapticShm.Engine.Audio;
using HapticShm.Engine.Dsp;
using HapticShm.Engine.Scheduling;
using HapticShm.Engine.Voices;
using HapticShm.Shared.Protocol;

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

        Array.Clear(_levels);

        int position = 0;
        double framesPerNs = _options.SampleRate / 1e9;
        while (true)
        {
            // The next event is the earliest of the pending queue's head, the expression grid's
            // and the strokes' next point.
            long gridAt = _expression.Count > 0 ? _expression.HeadFrame - _frame : long.MaxValue;
            long strokeAt = _strokes.NextEventFrame;
            strokeAt = strokeAt == long.MaxValue ? long.MaxValue : strokeAt - _frame;
            long queueAt = long.MaxValue;
            if (_queue.Count > 0)
            {
                double exact = (_queue.Peek().DueNs - blockStartNs) * framesPerNs;
                if (exact < frames) queueAt = (long)Math.Floor(exact + 0.5); // cheap test before rounding
                if (queueAt >= frames) queueAt = long.MaxValue;
            }
            if (gridAt >= frames && queueAt == long.MaxValue && strokeAt >= frames) break;
            if (strokeAt < frames && strokeAt <= gridAt && strokeAt <= queueAt)
            {
                int strokePosition = Math.Max((int)strokeAt, position);
                RenderRange(output, position, strokePosition - position);
                position = strokePosition;
                FireStrokes(_frame + position);
                continue;
            }
            if (gridAt <= queueAt && gridAt < frames)
            {
                int gridPosition = Math.Max((int)gridAt, position);
                RenderRange(output, position, gridPosition - position);
                position = gridPosition;
                _eventFrame = _frame + position;
                // Every expression of this grid frame at once (a storm brings dozens).
                long gridFrame = _expression.HeadFrame;
                do
                {
                    Apply(_expression.HeadCommand, _expression.HeadClient);
                    _expression.RemoveHead();
                }
                while (_expression.Count > 0 && _expression.HeadFrame == gridFrame);
                continue;
            }
            ref readonly PendingCommand pending = ref _queue.Peek();
            if (queueAt < 0)
            {
                _late++;
                _lateOf[pending.ClientId]++;
            }
            int at = Math.Max((int)Math.Max(queueAt, 0), position);
            if (pending.Command.Kind == CommandKind.Mpe && _expression.TryAdd(pending.Command, pending.ClientId, _frame + at))
            {
                _queue.RemoveHead();
                continue;
            }
            RenderRange(output, position, at - position);
            position = at;
            _eventFrame = _frame + position;
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
            _scratch.OutputStarted = false; // the first wave voice writes the chunk, or clears it (see RenderScratch)
            _wave.Render(output, start + done, chunk, _scratch);
            _scratch.StartAdding(output, start + done, chunk);
            _phantom.Render(output, start + done, chunk, _scratch);
            // The standing waves' sum is spread over the channels by the safety stage's own pass.
            _safety.Process(output, start + done, chunk, _levels, RenderStandingSum(chunk), _gains);
        }
    }

    /// <summary>The standing voices' summed signal for the chunk, or empty when none sounds.</summary>
    private ReadOnlySpan<float> RenderStandingSum(int count)
    {
        if (_standing.CountActive() == 0) return [];
        Span<float> sum = _scratch.StandingSum.AsSpan(0, count);
        sum.Clear();
        _standing.Render(default, 0, count, _scratch);
        return sum;
    }
}
