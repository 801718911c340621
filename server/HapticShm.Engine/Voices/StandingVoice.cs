using HapticShm.Engine.Audio;
using HapticShm.Engine.Dsp;

namespace HapticShm.Engine.Voices;

/// <summary>A standing wave: every transducer plays the same signal in phase, times its layout
/// gain. Voices add their signal into <see cref="RenderScratch.StandingSum"/>; the engine spreads
/// that sum over the channels once (the gains are the same for every standing voice).</summary>
internal sealed class StandingVoice(int sampleRate) : Voice(sampleRate)
{
    public override bool IsFinished => FadeDone || EnvelopeDone;

    public override void Render(ChannelBuffers output, int start, int count, RenderScratch scratch)
    {
        Span<float> source = scratch.Source.AsSpan(0, count);
        Span<float> fade = scratch.Fade.AsSpan(0, count);
        bool steadyFade = Generate(source, fade);
        Span<float> sum = scratch.StandingSum.AsSpan(0, count);
        if (steadyFade) SpanMath.AddScaled(sum, source, fade[0]);
        else SpanMath.MultiplyAdd(source, fade, sum);
    }
}
