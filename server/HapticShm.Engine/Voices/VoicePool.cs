using HapticShm.Engine.Audio;

namespace HapticShm.Engine.Voices;

/// <summary>
/// A fixed set of voices. At most <see cref="Polyphony"/> play at once; twice as many slots exist
/// so a stolen (or panicked) voice can finish its short fade while its successor already plays.
/// </summary>
internal sealed class VoicePool<TVoice> where TVoice : Voice
{
    private readonly TVoice[] _slots;

    public VoicePool(int polyphony, Func<TVoice> create)
    {
        Polyphony = polyphony;
        _slots = new TVoice[polyphony * 2];
        for (int i = 0; i < _slots.Length; i++) _slots[i] = create();
    }

    public int Polyphony { get; }

    public ReadOnlySpan<TVoice> Slots => _slots;

    /// <summary>A slot for a new note: a free one while fewer than <see cref="Polyphony"/> play,
    /// else the oldest playing voice is faded out (stolen, <paramref name="stolen"/> true) and a
    /// free slot is used. With every slot busy the quietest fading voice is cut.</summary>
    public TVoice Acquire(float stealFadeSeconds, out bool stolen)
    {
        stolen = false;
        int playing = 0;
        TVoice? oldest = null;
        foreach (TVoice voice in _slots)
        {
            if (voice.State != VoiceState.Playing) continue;
            playing++;
            if (oldest is null || voice.StartOrder < oldest.StartOrder) oldest = voice;
        }
        if (playing >= Polyphony && oldest is not null)
        {
            oldest.FadeOut(stealFadeSeconds);
            stolen = true;
        }
        TVoice? quietest = null;
        foreach (TVoice voice in _slots)
        {
            if (voice.State == VoiceState.Free) return voice;
            if (voice.State == VoiceState.Fading && (quietest is null || voice.FadeGain < quietest.FadeGain)) quietest = voice;
        }
        // Every slot busy (a burst of notes right after a panic): cut the voice closest to silence.
        quietest ??= _slots[0];
        quietest.Free();
        return quietest;
    }

    public void Render(ChannelBuffers output, int start, int count, RenderScratch scratch)
    {
        foreach (TVoice voice in _slots)
        {
            if (voice.State == VoiceState.Free) continue;
            voice.Render(output, start, count, scratch);
            if (voice.IsFinished) voice.Free();
        }
    }

    public int CountActive(int clientId = -1)
    {
        int count = 0;
        foreach (TVoice voice in _slots)
        {
            if (voice.State != VoiceState.Free && (clientId < 0 || voice.ClientId == clientId)) count++;
        }
        return count;
    }
}
