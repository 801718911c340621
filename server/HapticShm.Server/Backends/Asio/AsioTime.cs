using System.Runtime.InteropServices;

namespace HapticShm.Server.Backends.Asio;

/// <summary>ASIOTime, passed to bufferSwitchTimeInfo (asio.h packs its structs to 4 bytes).</summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
public unsafe struct AsioTime
{
    public fixed int reserved[4];
    public AsioTimeInfo timeInfo;
    public AsioTimeCode timeCode;
}
