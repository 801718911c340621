using System.Runtime.InteropServices;

namespace HapticShm.Server.Backends.Asio;

/// <summary>AsioTimeInfo: where the driver is (sample position) and when (system time, ns).</summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
public unsafe struct AsioTimeInfo
{
    public double speed;
    public AsioInt64 systemTime;
    public AsioInt64 samplePosition;
    public double sampleRate;
    public AsioTimeInfoFlags flags;
    public fixed byte reserved[12];
}
