using System.Net.Sockets;

namespace HapticShm.Shared.Handshake;

/// <summary>Sends and receives whole <see cref="HandshakeFrame"/>s on a stream socket.</summary>
public static class HandshakeWire
{
    /// <summary>Sends one frame.</summary>
    public static void Send(Socket socket, in HandshakeFrame frame)
    {
        ReadOnlySpan<byte> bytes = frame.AsBytes();
        while (!bytes.IsEmpty) bytes = bytes[socket.Send(bytes)..];
    }

    /// <summary>Receives one frame into <paramref name="buffer"/> (at least
    /// <see cref="HandshakeFrame.Size"/> bytes, reused by the caller). Returns false if the peer
    /// closed the socket or sent nothing within <paramref name="timeoutMs"/>.</summary>
    public static bool TryReceive(Socket socket, Span<byte> buffer, int timeoutMs, out HandshakeFrame frame)
    {
        frame = default;
        int received = 0;
        long deadline = Environment.TickCount64 + timeoutMs;
        while (received < HandshakeFrame.Size)
        {
            int waitMs = (int)Math.Max(0, deadline - Environment.TickCount64);
            if (!socket.Poll(waitMs * 1000L > int.MaxValue ? int.MaxValue : waitMs * 1000, SelectMode.SelectRead)) return false;
            int n = socket.Receive(buffer[received..HandshakeFrame.Size], SocketFlags.None, out SocketError error);
            if (n <= 0 || error != SocketError.Success) return false;
            received += n;
        }
        frame = HandshakeFrame.FromBytes(buffer);
        return true;
    }

    /// <summary>True when the peer has closed its end (or the socket failed): readable with no data.</summary>
    public static bool PeerClosed(Socket socket, Span<byte> scratch)
    {
        if (!socket.Poll(0, SelectMode.SelectRead)) return false;
        int n = socket.Receive(scratch, SocketFlags.Peek, out SocketError error);
        return n <= 0 || error != SocketError.Success;
    }
}
