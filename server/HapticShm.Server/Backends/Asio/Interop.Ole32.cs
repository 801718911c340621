using System.Runtime.InteropServices;

namespace HapticShm.Server.Backends.Asio;

internal static partial class Interop
{
    internal static unsafe partial class Ole32
    {
        internal const uint CLSCTX_INPROC_SERVER = 1;

        [LibraryImport("ole32.dll")]
        internal static partial int CoCreateInstance(Guid* rclsid, void* pUnkOuter, uint dwClsContext, Guid* riid, void** ppv);
    }
}
