using System.Runtime.InteropServices;
using HapticShm.Plugin.Clap.Interop;

namespace HapticShm.Plugin.Clap;

/// <summary>clap.latency: none (the audio output is silent; timing is the haptic offset's job).</summary>
internal static unsafe class ClapLatencyExports
{
    public static readonly ClapPluginLatency* Latency = Create();

    private static ClapPluginLatency* Create()
    {
        var latency = (ClapPluginLatency*)NativeMemory.AllocZeroed((nuint)sizeof(ClapPluginLatency));
        latency->Get = &Get;
        return latency;
    }

    [UnmanagedCallersOnly]
    private static uint Get(ClapPlugin* plugin) => 0;
}
