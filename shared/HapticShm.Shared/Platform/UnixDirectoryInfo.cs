using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace HapticShm.Shared.Platform;

/// <summary>What <c>lstat</c> says about a path itself (a symbolic link is not followed):
/// its type, owner and permission bits. Read with <c>statx</c>, whose layout is the same on
/// every Linux architecture.</summary>
[SupportedOSPlatform("linux")]
internal readonly record struct UnixDirectoryInfo(bool IsSymbolicLink, bool IsDirectory, uint OwnerUid, UnixFileMode Mode)
{
    /// <summary>The path's own status, or null if nothing is there; throws
    /// <see cref="RuntimeDirectoryException"/> when it cannot be read.</summary>
    public static unsafe UnixDirectoryInfo? Read(string path)
    {
        byte* buffer = stackalloc byte[Interop.Libc.StatxSize];
        new Span<byte>(buffer, Interop.Libc.StatxSize).Clear();
        if (Interop.Libc.Statx(Interop.Libc.AT_FDCWD, path, Interop.Libc.AT_SYMLINK_NOFOLLOW,
                Interop.Libc.STATX_TYPE | Interop.Libc.STATX_MODE | Interop.Libc.STATX_UID, buffer) != 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            if (errno == Interop.Libc.ENOENT) return null;
            throw new RuntimeDirectoryException($"cannot check the HapticShm runtime directory {path}: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})");
        }
        var bytes = new ReadOnlySpan<byte>(buffer, Interop.Libc.StatxSize);
        uint uid = BinaryPrimitives.ReadUInt32LittleEndian(bytes[Interop.Libc.StatxUidOffset..]);
        int mode = BinaryPrimitives.ReadUInt16LittleEndian(bytes[Interop.Libc.StatxModeOffset..]);
        int type = mode & Interop.Libc.S_IFMT;
        return new UnixDirectoryInfo(type == Interop.Libc.S_IFLNK, type == Interop.Libc.S_IFDIR, uid, (UnixFileMode)(mode & 0xFFF));
    }
}
