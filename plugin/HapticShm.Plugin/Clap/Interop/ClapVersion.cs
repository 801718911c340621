using System.Runtime.InteropServices;

namespace HapticShm.Plugin.Clap.Interop;

/// <summary>clap_version_t. Ours is 1.2.2 (also written in Clap/clap_entry.c).</summary>
[StructLayout(LayoutKind.Sequential)]
public struct ClapVersion
{
    public uint Major;
    public uint Minor;
    public uint Revision;

    public static ClapVersion Current => new() { Major = 1, Minor = 2, Revision = 2 };

    /// <summary>clap_version_is_compatible: every 1.x talks to every 1.x.</summary>
    public readonly bool IsCompatible => Major >= 1;
}

/// <summary>clap_plugin_entry_t: the struct the data symbol clap_entry holds.</summary>
[StructLayout(LayoutKind.Explicit, Size = 40)]
public unsafe struct ClapPluginEntry
{
    [FieldOffset(0)] public ClapVersion ClapVersion;
    [FieldOffset(16)] public delegate* unmanaged<byte*, byte> Init;
    [FieldOffset(24)] public delegate* unmanaged<void> Deinit;
    [FieldOffset(32)] public delegate* unmanaged<byte*, void*> GetFactory;
}
