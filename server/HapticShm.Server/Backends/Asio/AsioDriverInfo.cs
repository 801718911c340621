using System.Runtime.InteropServices;

namespace HapticShm.Server.Backends.Asio;

/// <summary>ASIODriverInfo; its name and errorMessage arrays double as the buffers for
/// getDriverName (32 chars) and getErrorMessage (124 chars).</summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
public unsafe struct AsioDriverInfo
{
    public int asioVersion;
    public int driverVersion;
    public fixed byte name[32];
    public fixed byte errorMessage[124];
    public void* sysRef;
}
