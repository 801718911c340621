using System.Runtime.InteropServices;

namespace HapticShm.Shared.Platform;

internal static partial class Interop
{
    internal static partial class Libc
    {
        private const string LibraryName = "libc";

        [LibraryImport(LibraryName, EntryPoint = "getuid")]
        internal static partial uint GetUid();
    }
}
