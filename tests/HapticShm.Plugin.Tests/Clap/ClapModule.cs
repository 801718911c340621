using System.Runtime.InteropServices;
using HapticShm.Plugin.Clap.Interop;
using HapticShm.Plugin.Tests.Host;

namespace HapticShm.Plugin.Tests.Clap;

/// <summary>A .clap loaded the way a Linux CLAP host loads it: dlopen, dlsym("clap_entry") (a
/// data symbol: the address of the clap_plugin_entry_t itself), version check, init(path),
/// get_factory("clap.plugin-factory"). The library stays loaded for the process.</summary>
internal sealed unsafe class ClapModule : IDisposable
{
    public const string MissingMessage = "run dotnet publish plugin/HapticShm.Plugin -c Release first (./test.sh does it)";

    private readonly nint _library;

    public ClapModule(string path)
    {
        Path = path;
        if (!File.Exists(path)) Assert.Fail($"{path} is missing: {MissingMessage}");
        _library = NativeLibrary.Load(path);
        Entry = (ClapPluginEntry*)NativeLibrary.GetExport(_library, "clap_entry");
        Assert.True(Entry->ClapVersion.Major == 1, $"clap_entry.clap_version is {Entry->ClapVersion.Major}.{Entry->ClapVersion.Minor}.{Entry->ClapVersion.Revision}");
        Assert.True(Entry->Init != null && Entry->Deinit != null && Entry->GetFactory != null, "a clap_entry function pointer is null");
        byte[] pathBytes = System.Text.Encoding.UTF8.GetBytes(path + "\0");
        fixed (byte* p = pathBytes) Assert.Equal(1, Entry->Init(p));
        fixed (byte* id = "clap.plugin-factory\0"u8) Factory = (ClapPluginFactory*)Entry->GetFactory(id);
        Assert.True(Factory != null, "get_factory(clap.plugin-factory) returned null");
    }

    /// <summary>The published single-file plugin.</summary>
    public static string PublishedPath => System.IO.Path.Combine(NativeModule.RepositoryRoot(), "artifacts", "HapticShm.clap");

    public string Path { get; }

    public ClapPluginEntry* Entry { get; }

    public ClapPluginFactory* Factory { get; }

    /// <summary>Another export of the library (the debug exports it shares with the VST3 build).</summary>
    public nint Export(string name) => NativeLibrary.GetExport(_library, name);

    public void Dispose() => Entry->Deinit();
}
