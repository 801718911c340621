using System.Buffers.Binary;
using System.Net.Sockets;

namespace HapticShm.Server.Clients;

/// <summary>Who is on the other end of a Unix socket (Linux SO_PEERCRED).</summary>
public static class PeerCredentials
{
    private const int SOL_SOCKET = 1;
    private const int SO_PEERCRED = 17;

    /// <summary>The peer's uid, or null where the platform cannot tell (then the socket's
    /// owner-only directory is the only guard).</summary>
    public static uint? TryGetUid(Socket socket, out int pid)
    {
        pid = 0;
        if (!OperatingSystem.IsLinux()) return null;
        Span<byte> ucred = stackalloc byte[12]; // struct ucred { pid_t pid; uid_t uid; gid_t gid; }
        if (socket.GetRawSocketOption(SOL_SOCKET, SO_PEERCRED, ucred) < 12) return null;
        pid = BinaryPrimitives.ReadInt32LittleEndian(ucred);
        return BinaryPrimitives.ReadUInt32LittleEndian(ucred[4..]);
    }
}
