using System.Runtime.InteropServices;
using HapticShm.Plugin.Clap.Interop;
using HapticShm.Plugin.Factory;

namespace HapticShm.Plugin.Clap;

/// <summary>clap.plugin-factory with our one descriptor. Everything lives in native memory made
/// once and never freed (the module is pinned), so the pointers stay valid for the process.</summary>
internal static unsafe class ClapFactory
{
    /// <summary>The stable plugin id hosts save in projects.</summary>
    public const string PluginId = "org.hapticshm.hapticshm";
    public const string Description = "Notes and per-note expression to a vibrotactile array (through hapticshm-server; the audio output is silent)";

    public static readonly ClapPluginDescriptor* Descriptor = CreateDescriptor();
    public static readonly ClapPluginFactory* Instance = CreateFactory();

    private static ClapPluginFactory* CreateFactory()
    {
        var factory = (ClapPluginFactory*)NativeMemory.AllocZeroed((nuint)sizeof(ClapPluginFactory));
        factory->GetPluginCount = &GetPluginCount;
        factory->GetPluginDescriptor = &GetPluginDescriptor;
        factory->CreatePlugin = &CreatePlugin;
        return factory;
    }

    private static ClapPluginDescriptor* CreateDescriptor()
    {
        var descriptor = (ClapPluginDescriptor*)NativeMemory.AllocZeroed((nuint)sizeof(ClapPluginDescriptor));
        descriptor->ClapVersion = ClapVersion.Current;
        descriptor->Id = NativeString(PluginId);
        descriptor->Name = NativeString(PluginClasses.ProcessorName);
        descriptor->Vendor = NativeString(PluginClasses.Vendor);
        descriptor->Url = NativeString(PluginClasses.Url);
        descriptor->ManualUrl = NativeString("");
        descriptor->SupportUrl = NativeString("");
        descriptor->Version = NativeString(PluginClasses.Version);
        descriptor->Description = NativeString(Description);
        descriptor->Features = (byte**)NativeMemory.AllocZeroed(2, (nuint)sizeof(byte*));
        descriptor->Features[0] = NativeString("instrument"); // [1] stays null: the end of the list
        return descriptor;
    }

    private static byte* NativeString(string value)
    {
        int length = System.Text.Encoding.UTF8.GetByteCount(value);
        var bytes = (byte*)NativeMemory.AllocZeroed((nuint)length + 1);
        System.Text.Encoding.UTF8.GetBytes(value, new Span<byte>(bytes, length));
        return bytes;
    }

    [UnmanagedCallersOnly]
    private static uint GetPluginCount(ClapPluginFactory* factory) => 1;

    [UnmanagedCallersOnly]
    private static ClapPluginDescriptor* GetPluginDescriptor(ClapPluginFactory* factory, uint index) => index == 0 ? Descriptor : null;

    [UnmanagedCallersOnly]
    private static ClapPlugin* CreatePlugin(ClapPluginFactory* factory, ClapHost* host, byte* pluginId)
    {
        try
        {
            if (host == null || !host->ClapVersion.IsCompatible || pluginId == null) return null;
            if (!MemoryMarshal.CreateReadOnlySpanFromNullTerminated(pluginId).SequenceEqual(System.Text.Encoding.UTF8.GetBytes(PluginId))) return null;
            return ClapInstance.Create(host);
        }
        catch { return null; }
    }
}
