using HapticShm.Engine.Audio;
using HapticShm.Engine.Dsp;

namespace HapticShm.Engine.Voices;

/// <summary>A standing wave: every transducer plays the same signal in phase, times its layout gain.</summary>
internal sealed class StandingVoice : Voice
{
    private readonly float[] _gains;

    public StandingVoice(int sampleRate, ReadOnlySpan<float> gains) : base(sampleRate) => _gains = gains.ToArray();

    public override bool IsFinished => FadeDone || EnvelopeDone;

    public override void Render(ChannelBuffers output, int start, int count, RenderScratch scratch)
    {
        Span<float> source = scratch.Source.AsSpan(0, count);
        Span<float> fade = scratch.Fade.AsSpan(0, count);
        Generate(source, fade);
        for (int j = 0; j < source.Length; j++) source[j] *= fade[j];
        for (int c = 0; c < _gains.Length; c++)
        {
            TapKernels.AddScaled(output[c].Slice(start, count), source, _gains[c]);
        }
    }
}
