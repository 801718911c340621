namespace HapticShm.Plugin.Core.Processing;

/// <summary>The table of sounding notes: a fixed array, allocation-free, audio thread only.
/// Notes without a host note id get a synthetic id derived from (channel, pitch) so that every
/// per-note command can be addressed.</summary>
internal sealed class HeldNotes
{
    public const int Capacity = 256;
    private const int SyntheticIdBase = 0x7F000000;
    private readonly HeldNote[] _notes = new HeldNote[Capacity];

    public int Count { get; private set; }

    public ref HeldNote this[int index] => ref _notes[index];

    public static int SyntheticId(int channel, int pitch) => SyntheticIdBase | (channel << 8) | pitch;

    /// <summary>Adds (or replaces the note with the same id). A full table forgets the oldest note.</summary>
    public ref HeldNote Add(byte channel, byte pitch, int noteId, float velocity)
    {
        int index = Find(noteId);
        if (index < 0)
        {
            if (Count == Capacity) RemoveAt(0);
            index = Count++;
        }
        ref HeldNote note = ref _notes[index];
        note = new HeldNote { Channel = channel, Pitch = pitch, NoteId = noteId, Velocity = velocity, Pressure = 1f, PitchBend = 0f, Timbre = 0.5f };
        return ref note;
    }

    /// <summary>Index of the note with <paramref name="noteId"/>, or -1.</summary>
    public int Find(int noteId)
    {
        for (int i = 0; i < Count; i++)
        {
            if (_notes[i].NoteId == noteId) return i;
        }
        return -1;
    }

    /// <summary>Index of the note (channel, pitch) most recently started, or -1.</summary>
    public int Find(int channel, int pitch)
    {
        for (int i = Count - 1; i >= 0; i--)
        {
            if (_notes[i].Channel == channel && _notes[i].Pitch == pitch) return i;
        }
        return -1;
    }

    /// <summary>Removes the note at <paramref name="index"/>, keeping start order.</summary>
    public void RemoveAt(int index)
    {
        for (int i = index + 1; i < Count; i++) _notes[i - 1] = _notes[i];
        Count--;
    }

    public void Clear() => Count = 0;
}
