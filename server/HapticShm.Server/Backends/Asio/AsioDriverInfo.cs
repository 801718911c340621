using System.Runtime.InteropServices;

namespace HapticShm.Server.Backends.Asio;

/// <summary>ASIODriverInfo of asio.h, kept for the layout record: it belongs to the SDK's C host
/// library (ASIOInit), which we bypass by calling IASIO directly; its array sizes are the
/// documented text limits (32-char names, 124-char messages).</summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
public unsafe struct AsioDriverInfo
{
    public int asioVersion;
    public int driverVersion;
    public fixed byte name[32];
    public fixed byte errorMessage[124];
    public void* sysRef;
}
