using System.Runtime.InteropServices;

namespace HapticShm.Server.Backends.Asio;

/// <summary>ASIOChannelInfo: the host fills channel and isInput, the driver the rest.</summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
public unsafe struct AsioChannelInfo
{
    public int channel;
    public int isInput;
    public int isActive;
    public int channelGroup;
    public AsioSampleType type;
    public fixed byte name[32];
}
