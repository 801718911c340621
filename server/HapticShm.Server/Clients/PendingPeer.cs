using System.Net.Sockets;
using HapticShm.Shared.Handshake;

namespace HapticShm.Server.Clients;

/// <summary>A connection accepted whose Hello has not fully arrived yet. The listener keeps a
/// fixed array of them, each with its own preallocated frame buffer, so that a peer that sends
/// nothing never holds up another one.</summary>
internal sealed class PendingPeer
{
    public Socket? Socket { get; private set; }
    public byte[] Frame { get; } = new byte[HandshakeFrame.Size];
    public int Received { get; set; }
    public int Pid { get; private set; }
    public long AcceptedNs { get; private set; }
    public long DeadlineNs { get; private set; }

    public bool IsFree => Socket is null;

    public void Take(Socket socket, int pid, long nowNs, long timeoutNs)
    {
        Socket = socket;
        Pid = pid;
        Received = 0;
        AcceptedNs = nowNs;
        DeadlineNs = nowNs + timeoutNs;
    }

    /// <summary>Hands the socket over (to a client slot) without closing it.</summary>
    public Socket Release()
    {
        Socket socket = Socket!;
        Socket = null;
        return socket;
    }

    public void Close() => Release().Dispose();
}
