using System.Net.Sockets;
using HapticShm.Shared.Platform;
using HapticShm.Shared.Ring;

namespace HapticShm.Shared.Handshake;

/// <summary>Connects to the server's socket, says Hello, and maps the ring named in the Welcome.</summary>
public static class HandshakeClient
{
    /// <summary>
    /// Opens a session. Throws <see cref="ServerUnavailableException"/> when no server answers,
    /// <see cref="HandshakeRejectedException"/> with the server's sentence when it refuses, and
    /// <see cref="RingFormatException"/> when the ring it names cannot be used.
    /// </summary>
    public static ServerSession Connect(string clientName, string? socketPath = null, int timeoutMs = 2000)
    {
        socketPath ??= RuntimePaths.SocketPath;
        Socket socket;
        try
        {
            // Inside the try: a platform without Unix sockets (Wine 8) fails here, not with a crash.
            socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        }
        catch (Exception e) when (e is SocketException or NotSupportedException or PlatformNotSupportedException)
        {
            throw new ServerUnavailableException($"this platform offers no Unix domain sockets, so no HapticShm server can be reached ({e.Message})", e);
        }
        try
        {
            try
            {
                socket.Connect(new UnixDomainSocketEndPoint(socketPath));
            }
            catch (ArgumentOutOfRangeException e)
            {
                throw new ServerUnavailableException($"no HapticShm server can listen on {socketPath}: the path is too long for a Unix socket", e);
            }
            catch (Exception e) when (e is SocketException or NotSupportedException or PlatformNotSupportedException)
            {
                throw new ServerUnavailableException($"no HapticShm server answers on {socketPath} ({(e as SocketException)?.SocketErrorCode.ToString() ?? e.Message})", e);
            }
            try
            {
                HandshakeWire.Send(socket, HandshakeFrame.Hello(clientName));
            }
            catch (SocketException)
            {
                // A server that refuses a peer (another user) answers and closes before reading
                // the hello: its Reject is still waiting to be read below.
            }
            var buffer = new byte[HandshakeFrame.Size];
            if (!HandshakeWire.TryReceive(socket, buffer, timeoutMs, out HandshakeFrame answer))
                throw new ServerUnavailableException($"the server on {socketPath} did not answer the hello within {timeoutMs} ms");
            if (answer.Magic != HandshakeFrame.MagicValue)
                throw new ServerUnavailableException($"{socketPath} answered with something that is not a HapticShm handshake");
            if (answer.Type == HandshakeMessageType.Reject)
                throw new HandshakeRejectedException(answer.Code, answer.TextValue);
            if (answer.Type != HandshakeMessageType.Welcome)
                throw new ServerUnavailableException($"the server answered an unexpected {answer.Type} frame");
            var ring = CommandRing.Open(answer.TextValue);
            return new ServerSession(socket, answer, ring);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
