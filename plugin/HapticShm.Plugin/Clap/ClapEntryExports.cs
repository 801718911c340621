using System.Runtime.InteropServices;
using HapticShm.Plugin.Clap.Interop;
using HapticShm.Plugin.Exports;

namespace HapticShm.Plugin.Clap;

/// <summary>The three functions of the data symbol clap_entry (Clap/clap_entry.c). The library is
/// pinned on init, as for VST3 (see ModulePin): a connection thread may outlive a dlclose.</summary>
internal static unsafe class ClapEntryExports
{
    private static int _initCount;

    /// <summary>init()s not yet matched by deinit() (diagnostics).</summary>
    public static int InitCount => Volatile.Read(ref _initCount);

    [UnmanagedCallersOnly(EntryPoint = "hapticshm_clap_init")]
    public static byte Init(byte* pluginPath)
    {
        try { ModulePin.Pin(); }
        catch { } // unpinned is how it was: no reason to refuse the host
        Interlocked.Increment(ref _initCount);
        return 1;
    }

    [UnmanagedCallersOnly(EntryPoint = "hapticshm_clap_deinit")]
    public static void Deinit()
    {
        // Everything the factory handed out is static and stays valid; instances are destroyed by the host.
        if (Interlocked.Decrement(ref _initCount) < 0) Interlocked.Exchange(ref _initCount, 0);
    }

    [UnmanagedCallersOnly(EntryPoint = "hapticshm_clap_get_factory")]
    public static void* GetFactory(byte* factoryId)
    {
        try { return ClapIds.Matches(factoryId, ClapIds.PluginFactory) ? ClapFactory.Instance : null; }
        catch { return null; }
    }
}
