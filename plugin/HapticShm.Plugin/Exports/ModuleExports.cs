using System.Runtime.InteropServices;
using HapticShm.Plugin.Factory;

namespace HapticShm.Plugin.Exports;

/// <summary>The C exports a VST3 host looks up: GetPluginFactory on every platform, plus the
/// module entry/exit pair of each platform (ModuleEntry/ModuleExit on Linux, InitDll/ExitDll on
/// Windows, bundleEntry/bundleExit on macOS).</summary>
internal static unsafe class ModuleExports
{
    private static PluginFactory? _factory;
    private static int _entryCount;

    [UnmanagedCallersOnly(EntryPoint = nameof(GetPluginFactory))]
    public static void* GetPluginFactory()
    {
        try
        {
            PluginFactory? factory = Volatile.Read(ref _factory);
            if (factory is null)
            {
                var created = new PluginFactory(); // this module keeps its own reference
                factory = Interlocked.CompareExchange(ref _factory, created, null) ?? created;
                if (!ReferenceEquals(factory, created)) created.Release();
            }
            factory.AddRef(); // the host's reference
            return factory.Interface(0);
        }
        catch { return null; }
    }

    [UnmanagedCallersOnly(EntryPoint = nameof(ModuleEntry))]
    public static byte ModuleEntry(void* sharedLibraryHandle) => Enter();

    [UnmanagedCallersOnly(EntryPoint = nameof(ModuleExit))]
    public static byte ModuleExit() => Exit();

    [UnmanagedCallersOnly(EntryPoint = nameof(InitDll))]
    public static byte InitDll() => Enter();

    [UnmanagedCallersOnly(EntryPoint = nameof(ExitDll))]
    public static byte ExitDll() => Exit();

    [UnmanagedCallersOnly(EntryPoint = "bundleEntry")]
    public static byte BundleEntry(void* bundleRef) => Enter();

    [UnmanagedCallersOnly(EntryPoint = "bundleExit")]
    public static byte BundleExit() => Exit();

    private static byte Enter()
    {
        try { ModulePin.Pin(); }
        catch { } // unpinned is how it was: no reason to refuse the host
        Interlocked.Increment(ref _entryCount);
        return 1;
    }

    private static byte Exit()
    {
        if (Interlocked.Decrement(ref _entryCount) > 0) return 1;
        PluginFactory? factory = Interlocked.Exchange(ref _factory, null);
        factory?.Release();
        return 1;
    }
}
