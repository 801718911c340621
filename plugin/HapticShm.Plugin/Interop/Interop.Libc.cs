using System.Runtime.InteropServices;

namespace HapticShm.Plugin.Interop;

internal static partial class Interop
{
    internal static unsafe partial class Libc
    {
        private const string LibraryName = "libc";

        /// <summary>Dl_info (dlfcn.h).</summary>
        internal struct Dl_info
        {
            public byte* dli_fname;
            public void* dli_fbase;
            public byte* dli_sname;
            public void* dli_saddr;
        }

        [LibraryImport(LibraryName, EntryPoint = "getenv", StringMarshalling = StringMarshalling.Utf8)]
        internal static partial nint getenv(string name);

        // In libc itself since glibc 2.34 (dladdr and dlopen).
        [LibraryImport(LibraryName, EntryPoint = "dlopen", StringMarshalling = StringMarshalling.Utf8)]
        internal static partial nint dlopen(string path, int flags);

        [LibraryImport(LibraryName, EntryPoint = "dladdr")]
        internal static partial int dladdr(void* addr, Dl_info* info);
    }
}
