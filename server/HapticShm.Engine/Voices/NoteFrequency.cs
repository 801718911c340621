namespace HapticShm.Engine.Voices;

/// <summary>12-tone equal temperament, A4 (note 69) = 440 Hz.</summary>
public static class NoteFrequency
{
    /// <summary>Frequency of MIDI <paramref name="note"/> in Hz.</summary>
    public static double Hz(int note) => 440.0 * Math.Pow(2.0, (note - 69) / 12.0);
}
