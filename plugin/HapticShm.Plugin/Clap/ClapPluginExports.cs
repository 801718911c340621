using System.Runtime.InteropServices;
using HapticShm.Plugin.Clap.Interop;

namespace HapticShm.Plugin.Clap;

/// <summary>The clap_plugin_t functions. Nothing escapes an export: a failure is a false / null /
/// CLAP_PROCESS_ERROR.</summary>
internal static unsafe class ClapPluginExports
{
    public static void Fill(ClapPlugin* plugin)
    {
        plugin->Init = &Init;
        plugin->Destroy = &Destroy;
        plugin->Activate = &Activate;
        plugin->Deactivate = &Deactivate;
        plugin->StartProcessing = &StartProcessing;
        plugin->StopProcessing = &StopProcessing;
        plugin->Reset = &Reset;
        plugin->Process = &Process;
        plugin->GetExtension = &GetExtension;
        plugin->OnMainThread = &OnMainThread;
    }

    [UnmanagedCallersOnly]
    private static byte Init(ClapPlugin* plugin)
    {
        try { return ClapInstance.From(plugin).Init() ? (byte)1 : (byte)0; }
        catch { return 0; }
    }

    [UnmanagedCallersOnly]
    private static void Destroy(ClapPlugin* plugin)
    {
        try { ClapInstance.From(plugin).Dispose(); }
        catch { } // nothing left to tell the host
    }

    [UnmanagedCallersOnly]
    private static byte Activate(ClapPlugin* plugin, double sampleRate, uint minFrames, uint maxFrames)
    {
        try { return ClapInstance.From(plugin).Activate(sampleRate) ? (byte)1 : (byte)0; }
        catch { return 0; }
    }

    [UnmanagedCallersOnly]
    private static void Deactivate(ClapPlugin* plugin)
    {
        try { ClapInstance.From(plugin).Deactivate(); }
        catch { }
    }

    [UnmanagedCallersOnly]
    private static byte StartProcessing(ClapPlugin* plugin)
    {
        try
        {
            ClapInstance instance = ClapInstance.From(plugin);
            if (!instance.IsActive) return 0;
            instance.IsProcessing = true;
            return 1;
        }
        catch { return 0; }
    }

    [UnmanagedCallersOnly]
    private static void StopProcessing(ClapPlugin* plugin)
    {
        try { ClapInstance.From(plugin).IsProcessing = false; }
        catch { }
    }

    /// <summary>"Kill all voices": every held note is released at the next block.</summary>
    [UnmanagedCallersOnly]
    private static void Reset(ClapPlugin* plugin)
    {
        try { ClapInstance.From(plugin).Processor.RequestReleaseAll(); }
        catch { }
    }

    /// <remarks>Real-time: no allocation, no lock, no syscall; nothing escapes.</remarks>
    [UnmanagedCallersOnly]
    private static int Process(ClapPlugin* plugin, ClapProcess* process)
    {
        if (process == null) return ClapProcessStatus.Error;
        try { return ClapInstance.From(plugin).Process(process); }
        catch { return ClapProcessStatus.Error; }
    }

    [UnmanagedCallersOnly]
    private static void* GetExtension(ClapPlugin* plugin, byte* id)
    {
        try { return ClapExtensions.Find(id); }
        catch { return null; }
    }

    [UnmanagedCallersOnly]
    private static void OnMainThread(ClapPlugin* plugin)
    {
        // We never request_callback: nothing to do.
    }
}
