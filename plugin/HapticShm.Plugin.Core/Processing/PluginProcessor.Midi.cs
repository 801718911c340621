using HapticShm.Plugin.Core.Input;
using HapticShm.Plugin.Core.Parameters;

namespace HapticShm.Plugin.Core.Processing;

/// <summary>Raw MIDI 1.0 channel messages (a CLAP host's MIDI and MIDI-MPE dialects), mapped the
/// way a VST3 host maps MIDI for us: notes and poly pressure as note events, channel pressure,
/// pitch bend and CC74 as the channel's hidden MIDI parameters (see MidiMappingExports). So MPE
/// works the same in both formats, initial-state rule included.</summary>
public sealed partial class PluginProcessor
{
    /// <summary>CC74, MPE's timbre.</summary>
    public const int MidiTimbreController = 74;

    /// <summary>Queues one MIDI message of the current block; other messages are ignored.</summary>
    public void AddMidi(int sampleOffset, byte status, byte data1, byte data2)
    {
        int channel = status & 0x0F;
        int first = data1 & 0x7F, second = data2 & 0x7F;
        switch (status & 0xF0)
        {
            case 0x90: // velocity 0 is a note-off (StartNote)
                AddNote(NoteInput.NoteOn(sampleOffset, channel, first, second / 127.0));
                break;
            case 0x80:
                AddNote(NoteInput.NoteOff(sampleOffset, channel, first));
                break;
            case 0xA0:
                AddNote(NoteInput.PolyPressure(sampleOffset, channel, first, second / 127.0));
                break;
            case 0xB0 when first == MidiTimbreController:
                AddParameterPoint(ParameterIds.Midi(channel, MidiControl.Timbre), sampleOffset, second / 127.0);
                break;
            case 0xD0:
                AddParameterPoint(ParameterIds.Midi(channel, MidiControl.Pressure), sampleOffset, first / 127.0);
                break;
            case 0xE0:
                AddParameterPoint(ParameterIds.Midi(channel, MidiControl.PitchBend), sampleOffset, PitchBendToNormalized(first | (second << 7)));
                break;
        }
    }

    /// <summary>14-bit pitch bend to 0..1 with the centre 8192 exactly at 0.5 and both ends at 0 and 1.</summary>
    public static double PitchBendToNormalized(int value) =>
        value <= 8192 ? value / 16384.0 : 0.5 + (value - 8192) / 16382.0;
}
