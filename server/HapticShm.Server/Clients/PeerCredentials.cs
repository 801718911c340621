using System.Buffers.Binary;
using System.Net.Sockets;

namespace HapticShm.Server.Clients;

/// <summary>Who is on the other end of a Unix socket (Linux SO_PEERCRED).</summary>
public static class PeerCredentials
{
    private const int SOL_SOCKET = 1;
    private const int SO_PEERCRED = 17;

    /// <summary>True where the kernel tells us the peer's uid (Linux); elsewhere the socket's
    /// owner-only directory is the only guard.</summary>
    public static bool CanCheck => OperatingSystem.IsLinux();

    /// <summary>Reads the peer's uid and pid. False when they cannot be read: the call failed, or
    /// the kernel has no credentials for this socket (it then reports pid 0 and uid -1).</summary>
    public static bool TryGet(Socket socket, out uint uid, out int pid)
    {
        uid = uint.MaxValue;
        pid = 0;
        if (!OperatingSystem.IsLinux()) return false;
        Span<byte> ucred = stackalloc byte[12]; // struct ucred { pid_t pid; uid_t uid; gid_t gid; }
        try
        {
            if (socket.GetRawSocketOption(SOL_SOCKET, SO_PEERCRED, ucred) < 12) return false;
        }
        catch (SocketException)
        {
            return false;
        }
        pid = BinaryPrimitives.ReadInt32LittleEndian(ucred);
        uid = BinaryPrimitives.ReadUInt32LittleEndian(ucred[4..]);
        return uid != uint.MaxValue;
    }
}
