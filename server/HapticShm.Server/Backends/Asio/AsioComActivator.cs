using System.Globalization;
using System.Runtime.Versioning;

namespace HapticShm.Server.Backends.Asio;

/// <summary>Creates an ASIO driver object. Must run on an STA thread (the backend's driver
/// thread), which is also the thread that makes every later control call.</summary>
[SupportedOSPlatform("windows")]
internal static class AsioComActivator
{
    /// <summary>CoCreateInstance with the driver's CLSID as both class and interface id: ASIO
    /// drivers answer their own CLSID instead of a published IID.</summary>
    public static unsafe nint Create(AsioDriverEntry driver)
    {
        Guid clsid = driver.Clsid;
        void* instance = null;
        int hr = Interop.Ole32.CoCreateInstance(&clsid, null, Interop.Ole32.CLSCTX_INPROC_SERVER, &clsid, &instance);
        if (hr != 0 || instance is null)
        {
            throw new AudioBackendException(string.Create(CultureInfo.InvariantCulture,
                $"cannot load ASIO driver \"{driver.Name}\" (CoCreateInstance HRESULT 0x{hr:X8}); reinstall the driver or check that it is 64-bit"));
        }
        return (nint)instance;
    }
}
