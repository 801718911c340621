namespace HapticShm.Plugin.Core.Processing;

/// <summary>A sounding note and its latest expression, kept so it can be re-sent after a reconnect.</summary>
internal struct HeldNote
{
    public byte Channel;
    public byte Pitch;
    public int NoteId;
    public float Velocity;
    public float Pressure;
    public float PitchBend;
    public float Timbre;
}
