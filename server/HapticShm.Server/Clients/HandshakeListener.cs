using System.Net.Sockets;
using System.Text;
using HapticShm.Server.Audio;
using HapticShm.Server.Logging;
using HapticShm.Shared;
using HapticShm.Shared.Handshake;
using HapticShm.Shared.Platform;
using HapticShm.Shared.Ring;

namespace HapticShm.Server.Clients;

/// <summary>
/// The server's housekeeping thread: accepts clients on the socket and answers their Hello,
/// notices closed sockets (a client that died) within one poll interval, frees slots the audio
/// callback has finished with, samples GC figures, and decides when the idle server exits.
/// Steady state (no client coming or going) allocates nothing.
/// </summary>
public sealed class HandshakeListener : IDisposable
{
    /// <summary>How long one poll waits; bounds how fast a dead client is noticed.</summary>
    private const int PollMicroseconds = 5_000;

    private readonly Socket _listener;
    private readonly ClientSlot[] _clients;
    private readonly ServerLog _log;
    private readonly ProcessStats _stats;
    private readonly HandshakeFrame _welcomeTemplate;
    private readonly byte[] _frameBuffer = new byte[HandshakeFrame.Size];
    private readonly byte[] _scratch = new byte[16];
    private readonly char[] _nameChars = new char[64];
    private int _sessionNumber;

    public HandshakeListener(string socketPath, ClientSlot[] clients, ServerLog log, ProcessStats stats, in HandshakeFrame welcomeTemplate)
    {
        _clients = clients;
        _log = log;
        _stats = stats;
        _welcomeTemplate = welcomeTemplate;
        _listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        _listener.Bind(new UnixDomainSocketEndPoint(socketPath));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(socketPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        _listener.Listen(16);
    }

    public int ActiveClients { get; private set; }

    /// <summary>Runs until <paramref name="stop"/> is set or the server has been idle for
    /// <paramref name="idleExitSeconds"/> (0 = never).</summary>
    public void Run(Func<bool> stop, double idleExitSeconds)
    {
        long idleSinceNs = MonotonicClock.NowNs();
        long nextStatsNs = 0;
        while (!stop())
        {
            if (_listener.Poll(PollMicroseconds, SelectMode.SelectRead)) Accept();
            long now = MonotonicClock.NowNs();
            int active = Sweep();
            ActiveClients = active;
            if (active > 0) idleSinceNs = now;
            else if (idleExitSeconds > 0 && now - idleSinceNs > idleExitSeconds * 1e9)
            {
                _log.Write($"no client for {idleExitSeconds} s: exiting");
                return;
            }
            if (now >= nextStatsNs)
            {
                _stats.Sample();
                nextStatsNs = now + 100_000_000;
            }
        }
    }

    // Notices closed sockets and frees slots the callback has released. Returns clients still here.
    private int Sweep()
    {
        int active = 0;
        foreach (ClientSlot client in _clients)
        {
            switch (client.State)
            {
                case ClientState.Active:
                    if (HandshakeWire.PeerClosed(client.Socket!, _scratch))
                    {
                        client.State = ClientState.Closing;
                        // Decode into a preallocated buffer, not a string: nothing allocated.
                        int length = Encoding.UTF8.GetChars(client.NameUtf8.AsSpan(0, client.NameLength), _nameChars);
                        _log.Write($"client {client.Pid} ({_nameChars.AsSpan(0, length)}) left: fading its voices");
                    }
                    else active++;
                    break;
                case ClientState.Closed:
                    Release(client);
                    break;
            }
        }
        return active;
    }

    private void Accept()
    {
        Socket peer;
        try { peer = _listener.Accept(); }
        catch (SocketException) { return; }
        try
        {
            if (!Admit(peer)) peer.Dispose();
        }
        catch (Exception e) when (e is SocketException or IOException or ObjectDisposedException)
        {
            _log.Write($"handshake failed: {e.Message}");
            peer.Dispose();
        }
    }

    private bool Admit(Socket peer)
    {
        uint? uid = PeerCredentials.TryGetUid(peer, out int peerPid);
        if (uid is uint peerUid && peerUid != CurrentUser.Uid)
        {
            Refuse(peer, RejectCode.OtherUser, $"process {peerPid} runs as uid {peerUid}; this server belongs to uid {CurrentUser.Uid}: each user runs their own HapticShm server");
            return false;
        }
        if (!HandshakeWire.TryReceive(peer, _frameBuffer, 1000, out HandshakeFrame hello))
        {
            _log.Write($"a peer (pid {peerPid}) connected but sent no hello");
            return false;
        }
        if (hello.Magic != HandshakeFrame.MagicValue)
        {
            Refuse(peer, RejectCode.BadMagic, "this socket speaks the HapticShm handshake; the peer sent something else");
            return false;
        }
        if (hello.Version != HandshakeFrame.ProtocolVersion)
        {
            Refuse(peer, RejectCode.VersionMismatch, $"client speaks protocol {hello.Version}, server speaks {HandshakeFrame.ProtocolVersion}: update the plugin or the server so that both are the same release");
            return false;
        }
        if (hello.Type != HandshakeMessageType.Hello)
        {
            Refuse(peer, RejectCode.UnexpectedMessage, $"expected a Hello, got message type {(int)hello.Type}");
            return false;
        }
        ClientSlot? slot = Array.Find(_clients, c => c.State == ClientState.Free);
        if (slot is null)
        {
            Refuse(peer, RejectCode.ServerFull, $"all {_clients.Length} client slots are in use: close a plugin instance and retry");
            return false;
        }
        return Attach(peer, slot, hello);
    }

    private bool Attach(Socket peer, ClientSlot slot, in HandshakeFrame hello)
    {
        string name = hello.ClientNameText;
        string path = RuntimePaths.RingPath(hello.ClientPid, ++_sessionNumber);
        CommandRing ring;
        try
        {
            ring = CommandRing.Create(path, _welcomeTemplate.RingCapacity, Guid.NewGuid(), Environment.ProcessId);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Refuse(peer, RejectCode.RingFailed, $"the server could not create {path}: {e.Message}");
            return false;
        }
        slot.Socket = peer;
        slot.Ring = ring;
        slot.Consumer = ring.Consumer;
        slot.Pid = hello.ClientPid;
        slot.NameLength = Encoding.UTF8.GetBytes(name.AsSpan(0, Math.Min(name.Length, 60)), slot.NameUtf8);
        slot.ConnectedNs = MonotonicClock.NowNs();
        slot.StallFaded = false;

        HandshakeFrame welcome = _welcomeTemplate;
        welcome.ClientSlot = slot.Index;
        welcome.SessionId = ring.SessionId;
        welcome.SetText(path);
        HandshakeWire.Send(peer, welcome);
        slot.State = ClientState.Active; // publish last: the callback may start reading now
        _log.Write($"client {hello.ClientPid} ({name}) joined in slot {slot.Index}, ring {path}");
        return true;
    }

    private void Refuse(Socket peer, RejectCode code, string reason)
    {
        _log.Write($"refused a client: {reason}");
        try { HandshakeWire.Send(peer, HandshakeFrame.Reject(code, reason)); }
        catch (SocketException) { }
    }

    private static void Release(ClientSlot client)
    {
        string? path = client.Ring?.Path;
        client.Ring?.Dispose();
        client.Socket?.Dispose();
        client.Ring = null;
        client.Consumer = null;
        client.Socket = null;
        if (path is not null) File.Delete(path);
        client.State = ClientState.Free;
    }

    /// <summary>Closes every client (their rings are removed) and the listening socket.</summary>
    public void Dispose()
    {
        foreach (ClientSlot client in _clients)
            if (client.State != ClientState.Free) Release(client);
        _listener.Dispose();
    }
}
