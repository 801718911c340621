using System.Runtime.InteropServices;

namespace HapticShm.Server.Backends.Asio;

/// <summary>ASIOTimeCode: external time code; unused by the server but part of <see cref="AsioTime"/>.</summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
public unsafe struct AsioTimeCode
{
    public double speed;
    public AsioInt64 timeCodeSamples;
    public uint flags;
    public fixed byte future[64];
}
