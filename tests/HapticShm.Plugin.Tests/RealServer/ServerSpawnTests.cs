using HapticShm.Plugin.Interop;
using HapticShm.Plugin.Tests.Host;
using HapticShm.Plugin.Tests.Native;
using Libc = HapticShm.Plugin.Tests.Host.Interop.Libc;

namespace HapticShm.Plugin.Tests.RealServer;

/// <summary>The server the plugin spawns from inside the host: its own session, none of the
/// host's descriptors, stdin from /dev/null and output to the server log, and the host's SIGCHLD
/// disposition untouched.</summary>
[Collection(NativeHostCollection.Name)]
public sealed class ServerSpawnTests(PrivateBundle bundle) : IDisposable
{
    private readonly string _marker = Path.Combine(Path.GetTempPath(), "hapticshm-marker-" + Guid.NewGuid().ToString("N"));
    private int _markerFd = -1;

    [Fact]
    public unsafe void Launch_FromTheHost_NewSessionNoHostDescriptorsSigchldUntouched()
    {
        bundle.UseEnvironment();
        bundle.KillServers();
        File.WriteAllText(_marker, "the host's own file");
        _markerFd = Libc.open(_marker, Libc.O_RDONLY); // inheritable: no O_CLOEXEC
        Assert.True(_markerFd > 2, "could not open the marker file");
        byte* before = stackalloc byte[256];
        byte* after = stackalloc byte[256];
        new Span<byte>(before, 256).Clear();
        new Span<byte>(after, 256).Clear();
        Assert.Equal(0, Libc.sigaction(Libc.SIGCHLD, null, before));

        using var plugin = new PluginInstance(bundle.Module);
        plugin.Setup(48000, 64, ProcessData.kSample32);
        plugin.Start();
        bundle.WaitStatus(b => PrivateBundle.OurClients(b).Count == 1, "the plugin launched a server and connected");
        int server = Assert.Single(bundle.ServerPids());
        Assert.Equal(0, Libc.sigaction(Libc.SIGCHLD, null, after));

        Assert.Equal(server, Libc.getsid(server)); // a session of its own
        Assert.NotEqual(Libc.getsid(0), Libc.getsid(server));
        var descriptors = new Dictionary<int, string>();
        foreach (string entry in Directory.EnumerateFileSystemEntries($"/proc/{server}/fd"))
        {
            try { descriptors[int.Parse(Path.GetFileName(entry), System.Globalization.CultureInfo.InvariantCulture)] = new FileInfo(entry).LinkTarget ?? ""; }
            catch (IOException) { } // closed meanwhile
        }
        Assert.DoesNotContain(_marker, descriptors.Values);
        Assert.False(descriptors.ContainsKey(_markerFd) && descriptors[_markerFd] == _marker);
        Assert.Equal("/dev/null", descriptors[0]);
        string log = Path.Combine(bundle.RuntimeDirectory, "server.log");
        Assert.Equal(log, descriptors[1]);
        Assert.Equal(log, descriptors[2]);
        // The disposition: handler, the kernel's 64-bit mask and the flags (glibc fills the rest
        // of its 1024-bit sa_mask from uninitialised stack, so those bytes are not compared).
        Assert.Equal((*(ulong*)before, *(ulong*)(before + 8), *(uint*)(before + 136)), (*(ulong*)after, *(ulong*)(after + 8), *(uint*)(after + 136)));
        plugin.Stop();
    }

    public void Dispose()
    {
        if (_markerFd >= 0) _ = Libc.close(_markerFd);
        File.Delete(_marker);
        bundle.KillServers();
    }
}
