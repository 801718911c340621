using HapticShm.Plugin.Server;
using HapticShm.Plugin.Window;

namespace HapticShm.Plugin.Editor;

/// <summary>Readies the editor's native pieces from the bundle once: libSkiaSharp beside our
/// binary, the font in Contents/Resources. The result is kept: a host that asks again gets the
/// same answer at once.</summary>
internal static class EditorModule
{
    private static readonly Lock InitLock = new();
    private static bool s_tried;
    private static string? s_fontPath;

    /// <summary>Why the editor is unavailable, or null.</summary>
    public static string? Error { get; private set; }

    /// <summary>The font path when the editor can open, else null (see <see cref="Error"/>).</summary>
    public static string? FontPath()
    {
        lock (InitLock)
        {
            if (s_tried) return s_fontPath;
            s_tried = true;
            string? directory = ModuleLocation.BinaryDirectory();
            if (directory is null)
            {
                Error = "cannot tell where the plugin's binary lies";
                return null;
            }
            EditorAssets.UseModuleDirectory(directory);
            if (!EditorAssets.TryLoadSkia(out string? error))
            {
                Error = error;
                return null;
            }
            s_fontPath = EditorAssets.FontPath(directory);
            if (s_fontPath is null) Error = $"{EditorAssets.FontFile} is neither in {directory}/../Resources nor beside the binary";
            return s_fontPath;
        }
    }
}
