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
/// </summary>
/// <remarks>Nothing here waits on one peer: an accepted connection joins a fixed array of
/// <see cref="MaxPending"/> pending peers, each read a little at every turn of the loop as its
/// bytes arrive, so a peer that connects and sends nothing delays neither the other handshakes
/// nor the dead-client sweep; it is closed after <see cref="HelloTimeoutMs"/>. Steady state (no
/// client coming or going) allocates nothing; a connection costs its accepted socket only.</remarks>
public sealed partial class HandshakeListener : IDisposable
{
    /// <summary>How long one poll waits; bounds how fast a dead client or a hello is noticed.</summary>
    private const int PollMicroseconds = 5_000;

    /// <summary>Connections whose hello may be under way at once; beyond that the oldest goes.</summary>
    public const int MaxPending = 64;

    /// <summary>How long a connection may take to send its whole hello.</summary>
    public const int HelloTimeoutMs = 1000;

    private readonly Socket _listener;
    private readonly ClientSlot[] _clients;
    private readonly ServerLog _log;
    private readonly ProcessStats _stats;
    private readonly AudioCallback _callback;
    private readonly HandshakeFrame _welcomeTemplate;
    private readonly PendingPeer[] _pending = new PendingPeer[MaxPending];
    private readonly byte[] _scratch = new byte[16];
    private readonly char[] _nameChars = new char[64];
    private int _sessionNumber;

    /// <summary>Binds the socket (owner-only). <paramref name="callback"/> tells each client the
    /// block size and fixed latency in force when it joins.</summary>
    public HandshakeListener(string socketPath, ClientSlot[] clients, ServerLog log, ProcessStats stats, AudioCallback callback, in HandshakeFrame welcomeTemplate)
    {
        _clients = clients;
        _log = log;
        _stats = stats;
        _callback = callback;
        _welcomeTemplate = welcomeTemplate;
        for (int i = 0; i < _pending.Length; i++) _pending[i] = new PendingPeer();
        _listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            _listener.Bind(new UnixDomainSocketEndPoint(socketPath));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(socketPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            _listener.Listen(128);
        }
        catch
        {
            _listener.Dispose();
            throw;
        }
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
            if (_listener.Poll(PollMicroseconds, SelectMode.SelectRead)) AcceptWaiting();
            long now = MonotonicClock.NowNs();
            ServePending(now);
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

    /// <summary>Closes every client (their rings are removed), every pending peer and the listening socket.</summary>
    public void Dispose()
    {
        foreach (ClientSlot client in _clients)
            if (client.State != ClientState.Free) Release(client);
        foreach (PendingPeer peer in _pending)
            if (!peer.IsFree) peer.Close();
        _listener.Dispose();
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
}
