using System.Numerics;
using HapticShm.Engine.Audio;
using HapticShm.Shared.Protocol;

namespace HapticShm.Engine.Tests;

/// <summary>Drives an engine the way a server does: fixed-size blocks stamped on the clock, and
/// collects every channel's samples for analysis.</summary>
internal sealed class EngineRig
{
    public const long StartNs = 5_000_000_000;

    public EngineRig(EngineOptions? options = null) => Engine = new StimulusEngine(options ?? new EngineOptions());

    public StimulusEngine Engine { get; }

    public int SampleRate => Engine.SampleRate;

    /// <summary>The clock time of absolute frame <paramref name="frame"/>.</summary>
    public long Ns(long frame) => StartNs + (long)Math.Round(frame * 1e9 / SampleRate);

    public void Submit(Command command, int clientId = 0) => Assert.True(Engine.Submit(command, clientId), $"rejected: {command.Kind}");

    public void Param(ParamId id, float value, long frame = 0) => Submit(Command.Param(id, value, Ns(frame)));

    /// <summary>Renders <paramref name="frames"/> frames from absolute frame <paramref name="fromFrame"/>
    /// in blocks of <paramref name="block"/>; returns [channel][frame].</summary>
    public float[][] Render(int frames, int block = 64, long fromFrame = 0, Action<long>? beforeBlock = null)
    {
        var result = new float[Engine.ChannelCount][];
        for (int c = 0; c < result.Length; c++) result[c] = new float[frames];
        var buffer = new PlanarAudioBuffer(Engine.ChannelCount, block);
        for (int done = 0; done < frames; done += block)
        {
            int n = Math.Min(block, frames - done);
            beforeBlock?.Invoke(fromFrame + done);
            Engine.Render(buffer.AsChannelBuffers(n), Ns(fromFrame + done));
            for (int c = 0; c < result.Length; c++) buffer.Channel(c)[..n].CopyTo(result[c].AsSpan(done));
        }
        return result;
    }

    /// <summary>Where a wave voice's source sits on the default layout for a pitch bend (-1..1,
    /// +-20 cm along x) and a timbre (0..1, +-20 cm along y) around the array's centre.</summary>
    /// <summary>Frames the moving-source script of <see cref="SubmitJumpsThenSweep"/> covers.</summary>
    public const int MovingSourceFrames = 48_000;

    /// <summary>The click tests' moving source on <paramref name="channel"/>: corner-to-corner
    /// jumps every 2000 frames up to frame 24000, then a sweep (bend a 2 Hz sine crossing every
    /// column, timbre a ramp) with an MPE command every 32 frames up to <see cref="MovingSourceFrames"/>.</summary>
    public void SubmitJumpsThenSweep(byte channel)
    {
        for (int k = 1; k < 12; k++)
        {
            Submit(Command.Mpe(channel, MpeFields.PitchBend | MpeFields.Timbre, 0, (k & 1) == 0 ? -1f : 1f, (k & 2) == 0 ? 0f : 1f, Ns(k * 2000)));
        }
        for (int f = 24_000; f < MovingSourceFrames; f += 32)
        {
            float bend = MathF.Sin(2 * MathF.PI * 2 * f / 48000f);
            Submit(Command.Mpe(channel, MpeFields.PitchBend | MpeFields.Timbre, 0, bend, (f - 24_000) / 24_000f, Ns(f)));
        }
    }

    /// <summary>The largest sample-to-sample step a moving source may bring: the carrier's own step
    /// A * omega plus 1e-3 for the movement; 1e-3 alone for note 0 (8 Hz, its own step is tiny).</summary>
    public static double MovingSourceStepBound(int note, float velocity)
    {
        double omega = 2 * Math.PI * 440 * Math.Pow(2, (note - 69) / 12.0) / 48000;
        return note == 0 ? 1e-3 : velocity * omega + 1e-3;
    }

    public static Vector2 SourceAt(float bend, float timbre)
    {
        Vector2 centre = TransducerLayout.Default.Centre;
        return new Vector2(centre.X + 0.2f * bend, centre.Y + 0.4f * (timbre - 0.5f));
    }

    /// <summary>Distance from <paramref name="source"/> to the nearest transducer of the default layout.</summary>
    public static double NearestTransducer(Vector2 source)
    {
        double nearest = double.MaxValue;
        foreach (Vector2 p in TransducerLayout.Default.Positions) nearest = Math.Min(nearest, Vector2.Distance(p, source));
        return nearest;
    }

    public static float MaxAbs(ReadOnlySpan<float> samples)
    {
        float max = 0;
        foreach (float s in samples) max = MathF.Max(max, MathF.Abs(s));
        return max;
    }

    public static float MaxStep(ReadOnlySpan<float> samples)
    {
        float max = 0;
        for (int i = 1; i < samples.Length; i++) max = MathF.Max(max, MathF.Abs(samples[i] - samples[i - 1]));
        return max;
    }
}
