using System.Runtime.InteropServices;

namespace HapticShm.Plugin.Clap.Interop;

/// <summary>clap_plugin_t: the instance the host holds; <see cref="PluginData"/> is ours.</summary>
[StructLayout(LayoutKind.Explicit, Size = 96)]
public unsafe struct ClapPlugin
{
    [FieldOffset(0)] public ClapPluginDescriptor* Desc;
    [FieldOffset(8)] public void* PluginData;
    [FieldOffset(16)] public delegate* unmanaged<ClapPlugin*, byte> Init;
    [FieldOffset(24)] public delegate* unmanaged<ClapPlugin*, void> Destroy;
    [FieldOffset(32)] public delegate* unmanaged<ClapPlugin*, double, uint, uint, byte> Activate;
    [FieldOffset(40)] public delegate* unmanaged<ClapPlugin*, void> Deactivate;
    [FieldOffset(48)] public delegate* unmanaged<ClapPlugin*, byte> StartProcessing;
    [FieldOffset(56)] public delegate* unmanaged<ClapPlugin*, void> StopProcessing;
    [FieldOffset(64)] public delegate* unmanaged<ClapPlugin*, void> Reset;
    [FieldOffset(72)] public delegate* unmanaged<ClapPlugin*, ClapProcess*, int> Process;
    [FieldOffset(80)] public delegate* unmanaged<ClapPlugin*, byte*, void*> GetExtension;
    [FieldOffset(88)] public delegate* unmanaged<ClapPlugin*, void> OnMainThread;
}

/// <summary>clap_host_t: what the host gives the plugin at creation.</summary>
[StructLayout(LayoutKind.Explicit, Size = 88)]
public unsafe struct ClapHost
{
    [FieldOffset(0)] public ClapVersion ClapVersion;
    [FieldOffset(16)] public void* HostData;
    [FieldOffset(24)] public byte* Name;
    [FieldOffset(32)] public byte* Vendor;
    [FieldOffset(40)] public byte* Url;
    [FieldOffset(48)] public byte* Version;
    /// <summary>[thread-safe]</summary>
    [FieldOffset(56)] public delegate* unmanaged<ClapHost*, byte*, void*> GetExtension;
    /// <summary>[thread-safe]</summary>
    [FieldOffset(64)] public delegate* unmanaged<ClapHost*, void> RequestRestart;
    /// <summary>[thread-safe]</summary>
    [FieldOffset(72)] public delegate* unmanaged<ClapHost*, void> RequestProcess;
    /// <summary>[thread-safe]</summary>
    [FieldOffset(80)] public delegate* unmanaged<ClapHost*, void> RequestCallback;
}

/// <summary>clap_process_status.</summary>
public static class ClapProcessStatus
{
    public const int Error = 0;
    public const int Continue = 1;
    public const int ContinueIfNotQuiet = 2;
    public const int Tail = 3;
    public const int Sleep = 4;
}

/// <summary>clap_process_t: one block.</summary>
[StructLayout(LayoutKind.Explicit, Size = 64)]
public unsafe struct ClapProcess
{
    /// <summary>Sample position that never jumps, or -1 when the host has none.</summary>
    [FieldOffset(0)] public long SteadyTime;
    [FieldOffset(8)] public uint FramesCount;
    /// <summary>Transport at the block start, or null (e.g. free-running).</summary>
    [FieldOffset(16)] public ClapEventTransport* Transport;
    [FieldOffset(24)] public ClapAudioBuffer* AudioInputs;
    [FieldOffset(32)] public ClapAudioBuffer* AudioOutputs;
    [FieldOffset(40)] public uint AudioInputsCount;
    [FieldOffset(44)] public uint AudioOutputsCount;
    [FieldOffset(48)] public ClapInputEvents* InEvents;
    [FieldOffset(56)] public ClapOutputEvents* OutEvents;
}

/// <summary>clap_audio_buffer_t.</summary>
[StructLayout(LayoutKind.Explicit, Size = 32)]
public unsafe struct ClapAudioBuffer
{
    [FieldOffset(0)] public float** Data32;
    [FieldOffset(8)] public double** Data64;
    [FieldOffset(16)] public uint ChannelCount;
    [FieldOffset(20)] public uint Latency;
    /// <summary>Bit n set: channel n holds one value for the whole block.</summary>
    [FieldOffset(24)] public ulong ConstantMask;
}
