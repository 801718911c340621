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
