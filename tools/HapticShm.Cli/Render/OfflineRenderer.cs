using System.Diagnostics;
using HapticShm.Cli.Plots;
using HapticShm.Cli.Wav;
using HapticShm.Engine;
using HapticShm.Engine.Audio;
using HapticShm.Shared.Protocol;

namespace HapticShm.Cli.Render;

/// <summary>
/// Renders timestamped commands (nanoseconds from 0) through the stimulus engine, block by
/// block, into a multichannel WAV and an RMS-over-time matrix for the plot. The same engine
/// and the same commands the server would get, with no fixed latency.
/// </summary>
internal sealed class OfflineRenderer(TransducerLayout layout, int sampleRate, int blockSize)
{
    /// <summary>Rendered after the last command so releases ring out.</summary>
    public const double TailSeconds = 1.0;

    public RenderSummary Render(IReadOnlyList<Command> commands, string wavPath, RmsAccumulator? rms)
    {
        var engine = new StimulusEngine(new EngineOptions { Layout = layout, SampleRate = sampleRate, MaxBlockFrames = Math.Max(4096, blockSize) });
        var buffer = new PlanarAudioBuffer(layout.Count, blockSize);
        long lastNs = commands.Count == 0 ? 0 : commands.Max(c => c.TimestampNs);
        long totalFrames = (long)Math.Ceiling((lastNs / 1e9 + TailSeconds) * sampleRate);
        int next = 0, notes = 0;
        var clock = Stopwatch.StartNew();
        using (var wav = new MultichannelWavWriter(wavPath, layout.Count, sampleRate))
        {
            for (long frame = 0; frame < totalFrames; frame += blockSize)
            {
                int frames = (int)Math.Min(blockSize, totalFrames - frame);
                long blockStartNs = FrameToNs(frame);
                long blockEndNs = FrameToNs(frame + frames);
                // Hand over only what falls in this block: the engine's pending queue stays small.
                while (next < commands.Count && commands[next].TimestampNs < blockEndNs)
                {
                    Command command = commands[next++];
                    if (engine.Submit(command, 0) && command.Kind == CommandKind.NoteOn && command.Velocity > 0) notes++;
                }
                ChannelBuffers output = buffer.AsChannelBuffers(frames);
                engine.Render(output, blockStartNs);
                wav.Write(output);
                rms?.Add(output);
            }
        }
        clock.Stop();
        double duration = totalFrames / (double)sampleRate;
        EngineCounters counters = engine.Counters;
        return new RenderSummary(notes, (int)counters.PeakVoices, counters.Stolen, counters.Late,
            Math.Round(duration, 3), Math.Round(duration / Math.Max(1e-9, clock.Elapsed.TotalSeconds), 1));
    }

    private long FrameToNs(long frame) => (long)Math.Round(frame * 1e9 / sampleRate);
}

/// <summary>The one-line summary of a render; JSON field names are a contract.</summary>
internal sealed record RenderSummary(int Notes, int PeakVoices, long Stolen, long Late, double DurationSeconds, double RealtimeFactor);
