using System.Runtime.InteropServices;

namespace HapticShm.Plugin.Clap.Interop;

/// <summary>clap_plugin_descriptor_t: UTF-8, null-terminated strings; features a null-terminated array.</summary>
[StructLayout(LayoutKind.Explicit, Size = 88)]
public unsafe struct ClapPluginDescriptor
{
    [FieldOffset(0)] public ClapVersion ClapVersion;
    [FieldOffset(16)] public byte* Id;
    [FieldOffset(24)] public byte* Name;
    [FieldOffset(32)] public byte* Vendor;
    [FieldOffset(40)] public byte* Url;
    [FieldOffset(48)] public byte* ManualUrl;
    [FieldOffset(56)] public byte* SupportUrl;
    [FieldOffset(64)] public byte* Version;
    [FieldOffset(72)] public byte* Description;
    [FieldOffset(80)] public byte** Features;
}

/// <summary>clap_plugin_factory_t ("clap.plugin-factory").</summary>
[StructLayout(LayoutKind.Explicit, Size = 24)]
public unsafe struct ClapPluginFactory
{
    [FieldOffset(0)] public delegate* unmanaged<ClapPluginFactory*, uint> GetPluginCount;
    [FieldOffset(8)] public delegate* unmanaged<ClapPluginFactory*, uint, ClapPluginDescriptor*> GetPluginDescriptor;
    [FieldOffset(16)] public delegate* unmanaged<ClapPluginFactory*, ClapHost*, byte*, ClapPlugin*> CreatePlugin;
}
