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
        if (ClapIds.Matches(id, ClapIds.Gui)) return ClapGuiExports.Gui;
        if (ClapIds.Matches(id, ClapIds.TimerSupport)) return ClapGuiExports.TimerSupport;
        if (ClapIds.Matches(id, ClapIds.PosixFdSupport)) return ClapGuiExports.PosixFdSupport;
        return null;
    }
}
