using HapticShm.Plugin.Clap.Interop;

namespace HapticShm.Plugin.Clap;

/// <summary>plugin.get_extension: the extension structs are static (made once, never freed).</summary>
internal static unsafe class ClapExtensions
{
    public static void* Find(byte* id)
    {
        if (ClapIds.Matches(id, ClapIds.NotePorts)) return ClapPortsExports.NotePorts;
        if (ClapIds.Matches(id, ClapIds.AudioPorts)) return ClapPortsExports.AudioPorts;
        if (ClapIds.Matches(id, ClapIds.Params)) return ClapParamsExports.Params;
        if (ClapIds.Matches(id, ClapIds.State)) return ClapStateExports.State;
        if (ClapIds.Matches(id, ClapIds.Latency)) return ClapLatencyExports.Latency;
        if (ClapIds.Matches(id, ClapIds.Render)) return ClapRenderExports.Render;
        // "clap.gui": not yet. The editor (an X11 window independent of VST3) is wired here once it
        // exists: clap_plugin_gui_t on top of it, with the host's timer-support / posix-fd-support.
        return null;
    }
}
