using System.Runtime.InteropServices;
using HapticShm.Plugin.Clap.Interop;

namespace HapticShm.Plugin.Clap;

/// <summary>clap.render: the host says when it renders offline (a bounce faster than real time).
/// Then, as for the VST3's kOffline, nothing goes to the server and sounding notes are released;
/// back in real time every parameter is sent again (PluginProcessor.Timing).</summary>
internal static unsafe class ClapRenderExports
{
    public static readonly ClapPluginRender* Render = Create();

    private static ClapPluginRender* Create()
    {
        var render = (ClapPluginRender*)NativeMemory.AllocZeroed((nuint)sizeof(ClapPluginRender));
        render->HasHardRealtimeRequirement = &HasHardRealtimeRequirement;
        render->Set = &Set;
        return render;
    }

    /// <summary>False: an offline render is fine (it is simply not felt).</summary>
    [UnmanagedCallersOnly]
    private static byte HasHardRealtimeRequirement(ClapPlugin* plugin) => 0;

    [UnmanagedCallersOnly]
    private static byte Set(ClapPlugin* plugin, int mode)
    {
        if (mode is not (ClapPluginRender.Realtime or ClapPluginRender.Offline)) return 0;
        try
        {
            ClapInstance.From(plugin).RendersOffline = mode == ClapPluginRender.Offline;
            return 1;
        }
        catch { return 0; }
    }
}
