namespace HapticShm.Cli.Midi;

/// <summary>Status bytes and meta types of the MIDI 1.0 and SMF specifications.</summary>
public static class MidiStatus
{
    public const byte NoteOff = 0x80;
    public const byte NoteOn = 0x90;
    public const byte PolyPressure = 0xA0;
    public const byte ControlChange = 0xB0;
    public const byte ProgramChange = 0xC0;
    public const byte ChannelPressure = 0xD0;
    public const byte PitchBend = 0xE0;
    public const byte SysEx = 0xF0;
    /// <summary>SysEx continuation or escaped bytes in a file.</summary>
    public const byte SysExEscape = 0xF7;
    public const byte Meta = 0xFF;

    public const byte MetaEndOfTrack = 0x2F;
    public const byte MetaTempo = 0x51;
}
