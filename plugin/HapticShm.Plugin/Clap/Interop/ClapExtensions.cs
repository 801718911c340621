using System.Runtime.InteropServices;

namespace HapticShm.Plugin.Clap.Interop;

/// <summary>Extension and factory ids (UTF-8, null-terminated: their addresses are handed out or
/// compared against what the host passes).</summary>
public static class ClapIds
{
    public static ReadOnlySpan<byte> PluginFactory => "clap.plugin-factory\0"u8;
    public static ReadOnlySpan<byte> AudioPorts => "clap.audio-ports\0"u8;
    public static ReadOnlySpan<byte> NotePorts => "clap.note-ports\0"u8;
    public static ReadOnlySpan<byte> Params => "clap.params\0"u8;
    public static ReadOnlySpan<byte> State => "clap.state\0"u8;
    public static ReadOnlySpan<byte> Latency => "clap.latency\0"u8;
    public static ReadOnlySpan<byte> ThreadCheck => "clap.thread-check\0"u8;
    public static ReadOnlySpan<byte> Gui => "clap.gui\0"u8;
    public static ReadOnlySpan<byte> TimerSupport => "clap.timer-support\0"u8;
    public static ReadOnlySpan<byte> PosixFdSupport => "clap.posix-fd-support\0"u8;
    public static ReadOnlySpan<byte> Render => "clap.render\0"u8;
    public static ReadOnlySpan<byte> PortStereo => "stereo\0"u8;

    /// <summary>clap_id "none".</summary>
    public const uint InvalidId = uint.MaxValue;
    public const int NameSize = 256;
    public const int PathSize = 1024;

    /// <summary>Whether the C string <paramref name="id"/> equals <paramref name="literal"/> (which ends in its terminator).</summary>
    public static unsafe bool Matches(byte* id, ReadOnlySpan<byte> literal) =>
        id != null && MemoryMarshal.CreateReadOnlySpanFromNullTerminated(id).SequenceEqual(literal[..^1]);
}

/// <summary>clap_note_port_info_t.</summary>
[StructLayout(LayoutKind.Explicit, Size = 268)]
public unsafe struct ClapNotePortInfo
{
    [FieldOffset(0)] public uint Id;
    [FieldOffset(4)] public uint SupportedDialects;
    [FieldOffset(8)] public uint PreferredDialect;
    [FieldOffset(12)] public fixed byte Name[ClapIds.NameSize];

    public const uint DialectClap = 1 << 0;
    public const uint DialectMidi = 1 << 1;
    public const uint DialectMidiMpe = 1 << 2;
    public const uint DialectMidi2 = 1 << 3;
}

/// <summary>clap_plugin_note_ports_t.</summary>
[StructLayout(LayoutKind.Explicit, Size = 16)]
public unsafe struct ClapPluginNotePorts
{
    [FieldOffset(0)] public delegate* unmanaged<ClapPlugin*, byte, uint> Count;
    [FieldOffset(8)] public delegate* unmanaged<ClapPlugin*, uint, byte, ClapNotePortInfo*, byte> Get;
}

/// <summary>clap_audio_port_info_t.</summary>
[StructLayout(LayoutKind.Explicit, Size = 288)]
public unsafe struct ClapAudioPortInfo
{
    [FieldOffset(0)] public uint Id;
    [FieldOffset(4)] public fixed byte Name[ClapIds.NameSize];
    [FieldOffset(260)] public uint Flags;
    [FieldOffset(264)] public uint ChannelCount;
    [FieldOffset(272)] public byte* PortType;
    [FieldOffset(280)] public uint InPlacePair;

    public const uint IsMain = 1 << 0;
    public const uint Supports64Bits = 1 << 1;
}

/// <summary>clap_plugin_audio_ports_t.</summary>
[StructLayout(LayoutKind.Explicit, Size = 16)]
public unsafe struct ClapPluginAudioPorts
{
    [FieldOffset(0)] public delegate* unmanaged<ClapPlugin*, byte, uint> Count;
    [FieldOffset(8)] public delegate* unmanaged<ClapPlugin*, uint, byte, ClapAudioPortInfo*, byte> Get;
}

/// <summary>clap_param_info_t: values are plain (min..max).</summary>
[StructLayout(LayoutKind.Explicit, Size = 1320)]
public unsafe struct ClapParamInfo
{
    [FieldOffset(0)] public uint Id;
    [FieldOffset(4)] public uint Flags;
    [FieldOffset(8)] public void* Cookie;
    [FieldOffset(16)] public fixed byte Name[ClapIds.NameSize];
    [FieldOffset(272)] public fixed byte Module[ClapIds.PathSize];
    [FieldOffset(1296)] public double MinValue;
    [FieldOffset(1304)] public double MaxValue;
    [FieldOffset(1312)] public double DefaultValue;

    public const uint IsStepped = 1 << 0;
    public const uint IsPeriodic = 1 << 1;
    public const uint IsHidden = 1 << 2;
    public const uint IsReadonly = 1 << 3;
    public const uint IsBypass = 1 << 4;
    public const uint IsAutomatable = 1 << 5;
    public const uint IsEnum = 1 << 16;
}

/// <summary>clap_plugin_params_t.</summary>
[StructLayout(LayoutKind.Explicit, Size = 48)]
public unsafe struct ClapPluginParams
{
    [FieldOffset(0)] public delegate* unmanaged<ClapPlugin*, uint> Count;
    [FieldOffset(8)] public delegate* unmanaged<ClapPlugin*, uint, ClapParamInfo*, byte> GetInfo;
    [FieldOffset(16)] public delegate* unmanaged<ClapPlugin*, uint, double*, byte> GetValue;
    [FieldOffset(24)] public delegate* unmanaged<ClapPlugin*, uint, double, byte*, uint, byte> ValueToText;
    [FieldOffset(32)] public delegate* unmanaged<ClapPlugin*, uint, byte*, double*, byte> TextToValue;
    [FieldOffset(40)] public delegate* unmanaged<ClapPlugin*, ClapInputEvents*, ClapOutputEvents*, void> Flush;
}

/// <summary>clap_host_params_t.</summary>
[StructLayout(LayoutKind.Explicit, Size = 24)]
public unsafe struct ClapHostParams
{
    /// <summary>[main-thread]</summary>
    [FieldOffset(0)] public delegate* unmanaged<ClapHost*, uint, void> Rescan;
    /// <summary>[main-thread]</summary>
    [FieldOffset(8)] public delegate* unmanaged<ClapHost*, uint, uint, void> Clear;
    /// <summary>[thread-safe, !audio-thread]</summary>
    [FieldOffset(16)] public delegate* unmanaged<ClapHost*, void> RequestFlush;

    public const uint RescanValues = 1 << 0;
}

/// <summary>clap_istream_t.</summary>
[StructLayout(LayoutKind.Explicit, Size = 16)]
public unsafe struct ClapIStream
{
    [FieldOffset(0)] public void* Ctx;
    /// <summary>Bytes read, 0 at the end, -1 on error.</summary>
    [FieldOffset(8)] public delegate* unmanaged<ClapIStream*, void*, ulong, long> Read;
}

/// <summary>clap_ostream_t.</summary>
[StructLayout(LayoutKind.Explicit, Size = 16)]
public unsafe struct ClapOStream
{
    [FieldOffset(0)] public void* Ctx;
    /// <summary>Bytes written, -1 on error.</summary>
    [FieldOffset(8)] public delegate* unmanaged<ClapOStream*, void*, ulong, long> Write;
}

/// <summary>clap_plugin_state_t.</summary>
[StructLayout(LayoutKind.Explicit, Size = 16)]
public unsafe struct ClapPluginState
{
    [FieldOffset(0)] public delegate* unmanaged<ClapPlugin*, ClapOStream*, byte> Save;
    [FieldOffset(8)] public delegate* unmanaged<ClapPlugin*, ClapIStream*, byte> Load;
}

/// <summary>clap_plugin_latency_t.</summary>
[StructLayout(LayoutKind.Explicit, Size = 8)]
public unsafe struct ClapPluginLatency
{
    [FieldOffset(0)] public delegate* unmanaged<ClapPlugin*, uint> Get;
}

/// <summary>clap_host_thread_check_t ([thread-safe]).</summary>
[StructLayout(LayoutKind.Explicit, Size = 16)]
public unsafe struct ClapHostThreadCheck
{
    [FieldOffset(0)] public delegate* unmanaged<ClapHost*, byte> IsMainThread;
    [FieldOffset(8)] public delegate* unmanaged<ClapHost*, byte> IsAudioThread;
}

/// <summary>clap_plugin_render_t ("clap.render"), [main-thread].</summary>
[StructLayout(LayoutKind.Explicit, Size = 16)]
public unsafe struct ClapPluginRender
{
    [FieldOffset(0)] public delegate* unmanaged<ClapPlugin*, byte> HasHardRealtimeRequirement;
    [FieldOffset(8)] public delegate* unmanaged<ClapPlugin*, int, byte> Set;

    public const int Realtime = 0;
    public const int Offline = 1;
}
