using HapticShm.Plugin.Interop;
using HapticShm.Shared.Status;

namespace HapticShm.Plugin.Tests.Host;

/// <summary>
/// The published bundle re-laid in a private directory - the .so copied (dlopen of a different
/// file gives a fresh NativeAOT runtime, whose environment snapshot is not the one other tests
/// already froze by launching a server) and the server linked next to it - plus one private
/// runtime directory that stays the same for the whole run. Servers the plugin launches from
/// here are found by their argv[0], which is this bundle's server path.
/// </summary>
public sealed class PrivateBundle : PrivateInstall
{
    public PrivateBundle() : base("hapticshm-bundle-", Path.Combine("HapticShm.vst3", "Contents", "x86_64-linux"))
    {
        string published = NativeModule.PublishedBinaryPath;
        if (!File.Exists(published)) Assert.Fail($"{published} is missing: {NativeModule.MissingBundleMessage}");
        string binaries = Path.Combine(Root, "HapticShm.vst3", "Contents", "x86_64-linux");
        Directory.CreateDirectory(binaries);
        string copy = Path.Combine(binaries, "HapticShm.so");
        File.Copy(published, copy);
        File.CreateSymbolicLink(ServerPath, Path.Combine(Path.GetDirectoryName(published)!, "hapticshm-server"));
        // The editor's drawing library beside the binary and its font in Contents/Resources, as published.
        File.CreateSymbolicLink(Path.Combine(binaries, "libSkiaSharp.so"), Path.Combine(Path.GetDirectoryName(published)!, "libSkiaSharp.so"));
        File.CreateSymbolicLink(Path.Combine(Root, "HapticShm.vst3", "Contents", "Resources"), Path.GetFullPath(Path.Combine(Path.GetDirectoryName(published)!, "..", "Resources")));
        PrepareRuntime();
        Module = new NativeModule(copy);
    }

    public NativeModule Module { get; }

    /// <summary>The private HapticShm.vst3 (absolute), for hosts run as processes of their own.</summary>
    public string BundlePath => Path.Combine(Root, "HapticShm.vst3");

    /// <summary>The name the plugin's connection gives its session.</summary>
    public static string ClientName => $"HapticShm VST3 ({Environment.ProcessId})";

    /// <summary>The plugin sessions of this process in <paramref name="block"/>.</summary>
    public static List<ClientStatus> OurClients(StatusBlock block) => ClientsNamed(block, ClientName);

    /// <summary>Activates a fresh plugin instance (48 kHz, float samples) with this bundle's
    /// environment and no server of ours running: it launches one and connects. Returns the instance
    /// (the caller disposes it) and the status block that shows the connection.</summary>
    internal PluginInstance ActivateWithLaunchedServer(int blockSize, out StatusBlock connected)
    {
        UseEnvironment();
        KillServers();
        var plugin = new PluginInstance(Module);
        try
        {
            plugin.Setup(48000, blockSize, ProcessData.kSample32);
            plugin.Start();
            connected = WaitStatus(b => OurClients(b).Count == 1, "the plugin launched a server and connected");
            return plugin;
        }
        catch
        {
            plugin.Dispose();
            throw;
        }
    }

    protected override void DisposeModule() => Module.Dispose();
}
