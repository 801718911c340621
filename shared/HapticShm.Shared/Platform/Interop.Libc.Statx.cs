using System.Runtime.InteropServices;

namespace HapticShm.Shared.Platform;

internal static partial class Interop
{
    internal static partial class Libc
    {
        internal const int AT_FDCWD = -100;
        internal const int AT_SYMLINK_NOFOLLOW = 0x100;
        internal const uint STATX_TYPE = 0x1, STATX_MODE = 0x2, STATX_UID = 0x8;
        internal const int S_IFMT = 0xF000, S_IFDIR = 0x4000, S_IFLNK = 0xA000;
        internal const int ENOENT = 2;

        // struct statx is the same on every Linux architecture (unlike struct stat): 256 bytes,
        // stx_uid at 20 and stx_mode at 28.
        internal const int StatxSize = 256, StatxUidOffset = 20, StatxModeOffset = 28;

        [LibraryImport(LibraryName, EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
        internal static unsafe partial int Statx(int dirfd, string path, int flags, uint mask, byte* buffer);
    }
}
