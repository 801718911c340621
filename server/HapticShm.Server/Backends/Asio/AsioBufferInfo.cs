using System.Runtime.InteropServices;

namespace HapticShm.Server.Backends.Asio;

/// <summary>ASIOBufferInfo: the host fills isInput and channelNum, createBuffers fills the two
/// half-buffer addresses.</summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
public struct AsioBufferInfo
{
    public int isInput;
    public int channelNum;
    public nint buffer0;
    public nint buffer1;

    /// <summary>The half-buffer for <paramref name="doubleBufferIndex"/> (0 or 1).</summary>
    public readonly nint Buffer(int doubleBufferIndex) => doubleBufferIndex == 0 ? buffer0 : buffer1;
}
