using HapticShm.Plugin.Tests.Host;
using HapticShm.Shared.Status;

namespace HapticShm.Plugin.Tests.Clap;

/// <summary>
/// The published HapticShm.clap installed as the README says, in a private directory:
/// &lt;root&gt;/HapticShm/HapticShm.clap (a copy: a fresh NativeAOT runtime) with hapticshm-server
/// linked beside it, and a private runtime directory for the whole run. Servers the plugin
/// launches are found by their argv[0], this directory's server path.
/// </summary>
public sealed class ClapBundle : PrivateInstall
{
    public ClapBundle() : base("hapticshm-clap-", "HapticShm")
    {
        string published = ClapModule.PublishedPath;
        if (!File.Exists(published)) Assert.Fail($"{published} is missing: {ClapModule.MissingMessage}");
        string serverBeside = Path.Combine(Path.GetDirectoryName(published)!, "hapticshm-server");
        Assert.True(File.Exists(serverBeside), $"{serverBeside} is missing: the publish puts the server beside HapticShm.clap");
        string install = Path.Combine(Root, "HapticShm");
        Directory.CreateDirectory(install);
        ClapPath = Path.Combine(install, "HapticShm.clap");
        File.Copy(published, ClapPath);
        File.CreateSymbolicLink(ServerPath, serverBeside);
        // The editor's drawing library and font beside the .clap, as the README installs them.
        foreach (string file in new[] { "libSkiaSharp.so", "DejaVuSans.ttf" })
        {
            string beside = Path.Combine(Path.GetDirectoryName(published)!, file);
            Assert.True(File.Exists(beside), $"{beside} is missing: the publish puts the editor's files beside HapticShm.clap");
            File.CreateSymbolicLink(Path.Combine(install, file), beside);
        }
        PrepareRuntime();
        Module = new ClapModule(ClapPath);
    }

    internal ClapModule Module { get; }

    public string ClapPath { get; }

    /// <summary>The name the CLAP plugin's connection gives its session.</summary>
    public static string ClientName => $"HapticShm CLAP ({Environment.ProcessId})";

    /// <summary>The CLAP sessions of this process in <paramref name="block"/>.</summary>
    public static List<ClientStatus> OurClients(StatusBlock block) => ClientsNamed(block, ClientName);

    protected override void DisposeModule() => Module.Dispose();
}
