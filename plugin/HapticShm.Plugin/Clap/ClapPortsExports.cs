using System.Runtime.InteropServices;
using HapticShm.Plugin.Clap.Interop;
using HapticShm.Plugin.Interop;

namespace HapticShm.Plugin.Clap;

/// <summary>clap.note-ports (one input: CLAP preferred, MIDI and MIDI-MPE accepted) and
/// clap.audio-ports (one silent stereo output, as the VST3 has).</summary>
internal static unsafe class ClapPortsExports
{
    public const uint SupportedDialects = ClapNotePortInfo.DialectClap | ClapNotePortInfo.DialectMidi | ClapNotePortInfo.DialectMidiMpe;

    public static readonly ClapPluginNotePorts* NotePorts = CreateNotePorts();
    public static readonly ClapPluginAudioPorts* AudioPorts = CreateAudioPorts();
    private static readonly byte* StereoPortType = CopyLiteral(ClapIds.PortStereo);

    private static ClapPluginNotePorts* CreateNotePorts()
    {
        var ports = (ClapPluginNotePorts*)NativeMemory.AllocZeroed((nuint)sizeof(ClapPluginNotePorts));
        ports->Count = &NotePortCount;
        ports->Get = &NotePortGet;
        return ports;
    }

    private static ClapPluginAudioPorts* CreateAudioPorts()
    {
        var ports = (ClapPluginAudioPorts*)NativeMemory.AllocZeroed((nuint)sizeof(ClapPluginAudioPorts));
        ports->Count = &AudioPortCount;
        ports->Get = &AudioPortGet;
        return ports;
    }

    private static byte* CopyLiteral(ReadOnlySpan<byte> literal)
    {
        var copy = (byte*)NativeMemory.Alloc((nuint)literal.Length);
        literal.CopyTo(new Span<byte>(copy, literal.Length));
        return copy;
    }

    [UnmanagedCallersOnly]
    private static uint NotePortCount(ClapPlugin* plugin, byte isInput) => isInput != 0 ? 1u : 0u;

    [UnmanagedCallersOnly]
    private static byte NotePortGet(ClapPlugin* plugin, uint index, byte isInput, ClapNotePortInfo* info)
    {
        if (info == null || isInput == 0 || index != 0) return 0;
        try
        {
            info->Id = 0;
            info->SupportedDialects = SupportedDialects;
            info->PreferredDialect = ClapNotePortInfo.DialectClap;
            FixedStrings.Utf8("Notes", info->Name, ClapIds.NameSize);
            return 1;
        }
        catch { return 0; }
    }

    [UnmanagedCallersOnly]
    private static uint AudioPortCount(ClapPlugin* plugin, byte isInput) => isInput != 0 ? 0u : 1u;

    [UnmanagedCallersOnly]
    private static byte AudioPortGet(ClapPlugin* plugin, uint index, byte isInput, ClapAudioPortInfo* info)
    {
        if (info == null || isInput != 0 || index != 0) return 0;
        try
        {
            info->Id = 0;
            FixedStrings.Utf8("Output (silent)", info->Name, ClapIds.NameSize);
            info->Flags = ClapAudioPortInfo.IsMain | ClapAudioPortInfo.Supports64Bits;
            info->ChannelCount = 2;
            info->PortType = StereoPortType;
            info->InPlacePair = ClapIds.InvalidId;
            return 1;
        }
        catch { return 0; }
    }
}
