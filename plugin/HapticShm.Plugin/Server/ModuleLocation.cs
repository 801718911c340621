using System.Runtime.InteropServices;
using HapticShm.Plugin.Exports;
using static HapticShm.Plugin.Interop.Interop;

namespace HapticShm.Plugin.Server;

/// <summary>Where our own native library lies, so we can find what ships next to it in the bundle.</summary>
internal static unsafe class ModuleLocation
{
    /// <summary>The directory of our library (Contents/x86_64-linux/ or Contents/x86_64-win/), or null when unknown.</summary>
    public static string? BinaryDirectory()
    {
        string? path = ModulePath();
        return path is null ? null : Path.GetDirectoryName(Path.GetFullPath(path));
    }

    /// <summary>The path of our library as the loader knows it, or null when unknown.</summary>
    public static string? ModulePath() => OperatingSystem.IsWindows() ? WindowsModulePath() : OperatingSystem.IsLinux() ? LinuxModulePath() : null;

    private static string? LinuxModulePath()
    {
        Libc.Dl_info info;
        delegate* unmanaged<void*> anyExport = &ModuleExports.GetPluginFactory;
        if (Libc.dladdr(anyExport, &info) == 0 || info.dli_fname == null) return null;
        return Marshal.PtrToStringUTF8((nint)info.dli_fname);
    }

    // The module that contains one of our exports, without taking a reference on it.
    private static string? WindowsModulePath()
    {
        delegate* unmanaged<void*> anyExport = &ModuleExports.GetPluginFactory;
        nint module;
        if (Kernel32.GetModuleHandleExW(Kernel32.GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS | Kernel32.GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT, anyExport, &module) == 0)
            return null;
        const int Capacity = 32768; // the longest path Windows has
        char* buffer = (char*)NativeMemory.Alloc(Capacity * sizeof(char));
        try
        {
            uint length = Kernel32.GetModuleFileNameW(module, buffer, Capacity);
            return length == 0 || length >= Capacity ? null : new string(buffer, 0, (int)length);
        }
        finally
        {
            NativeMemory.Free(buffer);
        }
    }
}
