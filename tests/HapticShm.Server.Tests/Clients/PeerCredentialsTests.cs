using System.Net;
using System.Net.Sockets;
using HapticShm.Server.Clients;
using HapticShm.Shared.Platform;

namespace HapticShm.Server.Tests.Clients;

public sealed class PeerCredentialsTests
{
    [Fact]
    public void TryGet_OnAUnixSocket_ReadsOurUidAndPid()
    {
        using var dir = new TempRuntimeDirectory();
        string path = Path.Combine(dir.Path, "peer.sock");
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(path));
        listener.Listen(1);
        using var client = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        client.Connect(new UnixDomainSocketEndPoint(path));
        using Socket accepted = listener.Accept();

        Assert.True(PeerCredentials.TryGet(accepted, out uint uid, out int pid));
        Assert.Equal(CurrentUser.Uid, uid);
        Assert.Equal(Environment.ProcessId, pid);
    }

    [Fact]
    public void TryGet_WhenTheKernelHasNoCredentials_FailsClosed()
    {
        // A TCP connection carries no peer credentials: the kernel answers uid -1, which must not
        // read as "some uid" (and certainly not ours).
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(1);
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        client.Connect(listener.LocalEndPoint!);
        using Socket accepted = listener.Accept();

        Assert.False(PeerCredentials.TryGet(accepted, out _, out _));
    }
}
