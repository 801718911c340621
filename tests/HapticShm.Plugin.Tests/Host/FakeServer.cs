using System.Net.Sockets;
using HapticShm.Shared.Handshake;
using HapticShm.Shared.Ring;

namespace HapticShm.Plugin.Tests.Host;

/// <summary>Just enough server for the connection thread: answers each Hello with a Welcome
/// naming a fresh ring, and can drop its clients as a crashing server would.</summary>
internal sealed class FakeServer : IDisposable
{
    private readonly Socket _listener = new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
    private readonly List<Socket> _clients = [];
    private readonly List<CommandRing> _rings = [];
    private readonly Thread _acceptThread;
    private readonly string _directory;

    public FakeServer(string directory)
    {
        _directory = directory;
        SocketPath = Path.Combine(directory, "server.sock");
        _listener.Bind(new UnixDomainSocketEndPoint(SocketPath));
        _listener.Listen(8);
        _acceptThread = new Thread(Accept) { IsBackground = true };
        _acceptThread.Start();
    }

    public string SocketPath { get; }

    /// <summary>The pid each Welcome names (this process unless a test says otherwise).</summary>
    public int ServerPid { get; set; } = Environment.ProcessId;

    /// <summary>How long to sit on a Hello before answering, as a busy or stopped server does.</summary>
    public TimeSpan WelcomeDelay { get; set; }

    /// <summary>Client sockets the server has seen closed by their client.</summary>
    public int ClosedByClient
    {
        get
        {
            lock (_rings) return _clients.Count(c => HandshakeWire.PeerClosed(c, new byte[16]));
        }
    }

    /// <summary>The ring of the latest session, once there is one.</summary>
    public CommandRing? LatestRing
    {
        get { lock (_rings) return _rings.Count > 0 ? _rings[^1] : null; }
    }

    public int Sessions
    {
        get { lock (_rings) return _rings.Count; }
    }

    /// <summary>Closes every client socket, as the kernel does when the server dies.</summary>
    public void DropClients()
    {
        lock (_rings)
        {
            foreach (Socket client in _clients) client.Dispose();
            _clients.Clear();
        }
    }

    private void Accept()
    {
        var buffer = new byte[HandshakeFrame.Size];
        while (true)
        {
            Socket client;
            try { client = _listener.Accept(); }
            catch (SocketException) { return; }
            catch (ObjectDisposedException) { return; }
            if (!HandshakeWire.TryReceive(client, buffer, 2000, out HandshakeFrame hello) || hello.Type != HandshakeMessageType.Hello)
            {
                client.Dispose();
                continue;
            }
            if (WelcomeDelay > TimeSpan.Zero) Thread.Sleep(WelcomeDelay);
            lock (_rings)
            {
                string path = Path.Combine(_directory, $"ring-{_rings.Count}.shm");
                _rings.Add(CommandRing.Create(path, 1024, Guid.NewGuid(), Environment.ProcessId));
                _clients.Add(client);
                HandshakeFrame welcome = HandshakeFrame.Header(HandshakeMessageType.Welcome);
                welcome.ServerPid = ServerPid;
                welcome.SampleRate = 48000;
                welcome.BlockSize = 64;
                welcome.ChannelCount = 32;
                welcome.RingCapacity = 1024;
                welcome.SetText(path);
                HandshakeWire.Send(client, welcome);
            }
        }
    }

    public void Dispose()
    {
        _listener.Dispose();
        _acceptThread.Join(2000);
        DropClients();
        lock (_rings)
        {
            foreach (CommandRing ring in _rings) ring.Dispose();
        }
    }
}
