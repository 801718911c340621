using HapticShm.Plugin.Server;

namespace HapticShm.Plugin.Exports;

/// <summary>
/// Keeps our shared library mapped after the host's dlclose (Linux): a NativeAOT library cannot
/// shut its runtime down, and a connection thread that is still winding down after
/// setActive(false)/terminate (they never make the host wait) would otherwise wake up in unmapped
/// code. dlopen of ourselves with RTLD_NODELETE | RTLD_NOLOAD marks the loaded library as never
/// to be unloaded; a host that loads the module again gets the same one (entry count and factory
/// are kept in <see cref="ModuleExports"/>).
/// </summary>
internal static unsafe class ModulePin
{
    private const int RTLD_NOW = 0x2;
    private const int RTLD_NOLOAD = 0x4;
    private const int RTLD_NODELETE = 0x1000;
    private static int _pinned;

    public static void Pin()
    {
        if (!OperatingSystem.IsLinux() || Interlocked.Exchange(ref _pinned, 1) != 0) return;
        string? path = ModuleLocation.ModulePath();
        if (path is not null) Interop.Interop.Libc.dlopen(path, RTLD_NOW | RTLD_NOLOAD | RTLD_NODELETE);
    }
}
