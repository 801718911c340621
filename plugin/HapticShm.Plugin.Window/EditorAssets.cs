using System.Reflection;
using System.Runtime.InteropServices;
using SkiaSharp;

namespace HapticShm.Plugin.Window;

/// <summary>
/// Finds what the editor needs in the plugin's bundle: libSkiaSharp beside the plugin's binary
/// (Contents/x86_64-linux/), the font in Contents/Resources/ (or beside the binary, for a
/// single-file plugin). The host's process knows nothing of our folder, so SkiaSharp's native
/// library is resolved by hand.
/// </summary>
public static class EditorAssets
{
    /// <summary>The font the editor draws its text with (DejaVu Sans, its licence beside it).</summary>
    public const string FontFile = "DejaVuSans.ttf";

    private static readonly Lock ResolverLock = new();
    private static string? s_moduleDirectory;
    private static bool s_resolverSet;

    /// <summary>Native library file of SkiaSharp on this platform.</summary>
    public static string SkiaLibraryFile => OperatingSystem.IsWindows() ? "libSkiaSharp.dll" : OperatingSystem.IsMacOS() ? "libSkiaSharp.dylib" : "libSkiaSharp.so";

    /// <summary>Makes SkiaSharp load its native library from <paramref name="moduleDirectory"/>
    /// (once per process; the first directory wins). Call it before any SkiaSharp type is used.</summary>
    public static void UseModuleDirectory(string moduleDirectory)
    {
        lock (ResolverLock)
        {
            if (s_resolverSet) return;
            s_moduleDirectory = moduleDirectory;
            NativeLibrary.SetDllImportResolver(typeof(SKSurface).Assembly, Resolve);
            s_resolverSet = true;
        }
    }

    /// <summary>The font: <c>&lt;module dir&gt;/../Resources/</c>, then the module's own folder; null when neither has it.</summary>
    public static string? FontPath(string moduleDirectory)
    {
        string bundled = Path.GetFullPath(Path.Combine(moduleDirectory, "..", "Resources", FontFile));
        if (File.Exists(bundled)) return bundled;
        string beside = Path.Combine(moduleDirectory, FontFile);
        return File.Exists(beside) ? beside : null;
    }

    /// <summary>Whether SkiaSharp's native library can be loaded (the editor cannot open without it).</summary>
    public static bool TryLoadSkia(out string? error)
    {
        try
        {
            using var probe = new SKPaint(); // the first call into libSkiaSharp
            error = null;
            return true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or TypeInitializationException or BadImageFormatException)
        {
            error = "cannot load " + SkiaLibraryFile + ": " + e.Message;
            return false;
        }
    }

    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (!name.Contains("SkiaSharp", StringComparison.Ordinal) || s_moduleDirectory is null) return 0;
        return NativeLibrary.TryLoad(Path.Combine(s_moduleDirectory, SkiaLibraryFile), out nint handle) ? handle : 0;
    }
}
