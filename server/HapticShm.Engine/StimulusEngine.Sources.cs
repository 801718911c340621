using HapticShm.Engine.Voices;

namespace HapticShm.Engine;

public sealed partial class StimulusEngine
{
    /// <summary>The layout the engine renders (one output channel per transducer).</summary>
    public TransducerLayout Layout => _options.Layout;

    /// <summary>Writes one <see cref="VoiceSource"/> per sounding voice (wave voices first, then
    /// standing ones, then phantom ones) and returns how many, at most <paramref name="destination"/>.Length.</summary>
    /// <remarks>Real-time safe: no allocation; call it on the thread that renders.</remarks>
    public int CopyVoiceSources(Span<VoiceSource> destination)
    {
        int count = 0;
        foreach (WaveVoice voice in _wave.Slots)
        {
            if (count >= destination.Length) return count;
            if (voice.State == VoiceState.Free) continue;
            destination[count++] = new VoiceSource(voice.SourcePosition, voice.Level, false, voice.ClientId, voice.Note, voice.IsReleased || voice.State == VoiceState.Fading);
        }
        foreach (StandingVoice voice in _standing.Slots)
        {
            if (count >= destination.Length) return count;
            if (voice.State == VoiceState.Free) continue;
            destination[count++] = new VoiceSource(_options.Layout.Centre, voice.Level, true, voice.ClientId, voice.Note, voice.IsReleased || voice.State == VoiceState.Fading);
        }
        foreach (PhantomVoice voice in _phantom.Slots)
        {
            if (count >= destination.Length) return count;
            if (voice.State == VoiceState.Free) continue;
            destination[count++] = new VoiceSource(voice.SourcePosition, voice.Level, false, voice.ClientId, voice.Note, voice.IsReleased || voice.State == VoiceState.Fading, IsPhantom: true);
        }
        return count;
    }
}
