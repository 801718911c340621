namespace HapticShm.Cli.Midi;

/// <summary>One channel message from a MIDI file, placed on the merged timeline.</summary>
/// <param name="Seconds">Absolute time from the start of the file, tempo map applied.</param>
/// <param name="Tick">Absolute time in the file's own ticks.</param>
/// <param name="Track">Index of the track chunk it came from.</param>
/// <param name="Offset">Byte offset of the message in the file (for diagnostics).</param>
/// <param name="Status">Status byte 0x80..0xEF (kind in the high nibble, channel in the low one).</param>
/// <param name="Data1">First data byte (note, controller, program, pressure or bend LSB).</param>
/// <param name="Data2">Second data byte, 0 for one-byte messages.</param>
public readonly record struct MidiChannelEvent(double Seconds, long Tick, int Track, long Offset, byte Status, byte Data1, byte Data2)
{
    /// <summary>The message kind: the status with the channel cleared (0x80, 0x90 ... 0xE0).</summary>
    public byte Kind => (byte)(Status & 0xF0);

    /// <summary>MIDI channel 0..15.</summary>
    public byte Channel => (byte)(Status & 0x0F);

    /// <summary>True for a note-on with velocity above zero.</summary>
    public bool IsNoteOn => Kind == MidiStatus.NoteOn && Data2 > 0;

    /// <summary>True for a note-off, including a note-on with velocity zero.</summary>
    public bool IsNoteOff => Kind == MidiStatus.NoteOff || (Kind == MidiStatus.NoteOn && Data2 == 0);

    /// <summary>Number of data bytes a channel message of this status carries.</summary>
    public static int DataLength(byte status) => (status & 0xF0) is MidiStatus.ProgramChange or MidiStatus.ChannelPressure ? 1 : 2;
}
