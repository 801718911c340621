using System.Runtime.InteropServices;
using HapticShm.Plugin.Exports;

namespace HapticShm.Plugin.Server;

/// <summary>Where our own native library lies, so we can find what ships next to it in the bundle.</summary>
internal static unsafe class ModuleLocation
{
    /// <summary>The directory of HapticShm.so (Contents/x86_64-linux/), or null when unknown.</summary>
    public static string? BinaryDirectory()
    {
        if (!OperatingSystem.IsLinux()) return null; // Windows and macOS: not wired yet
        Interop.Interop.Libc.Dl_info info;
        delegate* unmanaged<void*> anyExport = &ModuleExports.GetPluginFactory;
        if (Interop.Interop.Libc.dladdr(anyExport, &info) == 0 || info.dli_fname == null) return null;
        string? path = Marshal.PtrToStringUTF8((nint)info.dli_fname);
        return path is null ? null : Path.GetDirectoryName(Path.GetFullPath(path));
    }
}
