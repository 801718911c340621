using System.Runtime.InteropServices;
using HapticShm.Plugin.Window;

namespace HapticShm.Plugin.Exports;

/// <summary>
/// <c>int HapticShm_EditorDiagnostics(EditorDiagnosticsData* result, int collect)</c>: a debug
/// export for test hosts. The plugin is a NativeAOT library with its own runtime, so a host cannot
/// see its heap: this reports the editor's frame figures (frames, bytes allocated in them, median
/// and longest frame), its windows and the plugin's GC heap (after a full collection when
/// <c>collect</c> is non-zero). Returns 0, or -1 for a null pointer. Call it on the UI thread.
/// </summary>
internal static unsafe class EditorDiagnosticsExport
{
    [UnmanagedCallersOnly(EntryPoint = "HapticShm_EditorDiagnostics")]
    public static int EditorDiagnostics(EditorDiagnosticsData* result, int collect)
    {
        if (result == null) return -1;
        try
        {
            *result = Window.EditorDiagnostics.Read(collect != 0);
            return 0;
        }
        catch { return -1; }
    }
}
