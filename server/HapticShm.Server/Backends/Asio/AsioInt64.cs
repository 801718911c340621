using System.Runtime.InteropServices;

namespace HapticShm.Server.Backends.Asio;

/// <summary>ASIOSamples / ASIOTimeStamp: a 64-bit value split into two 32-bit halves, high first.</summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
public struct AsioInt64
{
    public uint hi;
    public uint lo;

    /// <summary>The value as one signed 64-bit integer.</summary>
    public readonly long ToInt64() => (long)(((ulong)hi << 32) | lo);

    /// <summary>Splits <paramref name="value"/> into the two halves.</summary>
    public static AsioInt64 FromInt64(long value) => new() { hi = (uint)((ulong)value >> 32), lo = (uint)value };
}
