using System.Net.Sockets;
using HapticShm.Shared.Ring;

namespace HapticShm.Shared.Handshake;

/// <summary>
/// A client's connection to the server: the socket that stays open for the session (its closing
/// tells the other side we are gone) and the ring the server made for us.
/// </summary>
public sealed class ServerSession : IDisposable
{
    private readonly Socket _socket;
    private readonly byte[] _scratch = new byte[16];

    internal ServerSession(Socket socket, in HandshakeFrame welcome, CommandRing ring)
    {
        _socket = socket;
        ServerPid = welcome.ServerPid;
        SampleRate = welcome.SampleRate;
        BlockSize = welcome.BlockSize;
        ChannelCount = welcome.ChannelCount;
        ClientSlot = welcome.ClientSlot;
        FixedLatencyNs = welcome.FixedLatencyNs;
        Ring = ring;
    }

    /// <summary>The server's process id.</summary>
    public int ServerPid { get; }
    /// <summary>The server's frames per second.</summary>
    public int SampleRate { get; }
    /// <summary>The server's frames per block.</summary>
    public int BlockSize { get; }
    /// <summary>Transducer channels the server renders.</summary>
    public int ChannelCount { get; }
    /// <summary>Our slot on the server.</summary>
    public int ClientSlot { get; }
    /// <summary>Latency the server adds to every timestamp.</summary>
    public long FixedLatencyNs { get; }
    /// <summary>Our ring; push with <see cref="CommandRing.Producer"/>.</summary>
    public CommandRing Ring { get; }

    /// <summary>True once the server has closed the socket (it exited or died). Never blocks.</summary>
    public bool ServerClosed => HandshakeWire.PeerClosed(_socket, _scratch);

    /// <summary>Nanoseconds since the server's audio callback last stamped our ring.</summary>
    public long ServerHeartbeatAgeNs => MonotonicClock.NowNs() - Ring.ReadCounters().ConsumerHeartbeatNs;

    /// <summary>Closes the socket (the server then fades our voices and removes the ring) and unmaps the ring.</summary>
    public void Dispose()
    {
        _socket.Dispose();
        Ring.Dispose();
    }
}
