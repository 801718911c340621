using System.Runtime.InteropServices;
using HapticShm.Plugin.Com;
using HapticShm.Plugin.Interop;

namespace HapticShm.Plugin.Tests.Host;

internal static unsafe partial class Interop
{
    internal static partial class Libc
    {
        // The NativeAOT library reads the process environment (getenv), which
        // Environment.SetEnvironmentVariable does not change on Unix.
        [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
        internal static partial int setenv(string name, string value, int overwrite);

        [LibraryImport("libc", EntryPoint = "unsetenv", StringMarshalling = StringMarshalling.Utf8)]
        internal static partial int unsetenv(string name);

        internal const int SIGKILL = 9;
        internal const int SIGCONT = 18;
        internal const int SIGSTOP = 19;
        internal const int SIGCHLD = 17;
        internal const int O_RDONLY = 0;

        [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
        internal static partial int kill(int pid, int signal);

        [LibraryImport("libc", EntryPoint = "getsid", SetLastError = true)]
        internal static partial int getsid(int pid);

        // open(2) without O_CLOEXEC: a descriptor a careless host leaves inheritable.
        [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
        internal static partial int open(string path, int flags);

        [LibraryImport("libc", EntryPoint = "close")]
        internal static partial int close(int fd);

        // struct sigaction is 152 bytes on x86_64 Linux; the handler is its first field.
        [LibraryImport("libc", EntryPoint = "sigaction", SetLastError = true)]
        internal static partial int sigaction(int signal, void* action, void* oldAction);
    }

    /// <summary>Calls into the plugin's objects through their vtables.</summary>
    internal static class Vst
    {
        public static T* V<T>(void* obj) where T : unmanaged => NativeCalls.Vtbl<T>(obj);

        public static uint AddRef(void* obj) => NativeCalls.AddRef(obj);

        public static uint Release(void* obj) => NativeCalls.Release(obj);

        public static void* Query(void* obj, in Tuid iid)
        {
            void* result = NativeCalls.Query(obj, iid);
            Assert.True(result != null, $"queryInterface({iid}) failed");
            return result;
        }
    }
}
