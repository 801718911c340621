using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace HapticShm.Server.Backends.Asio;

/// <summary>
/// Converts one planar float channel into a driver buffer of any little-endian ASIO format.
/// </summary>
/// <remarks>
/// Rule, the same for every format: NaN becomes 0, the sample is clipped to [-1, 1], then an
/// integer format of b bits scales it by 2^(b-1) - 1 (symmetric: +1 and -1 map to +max and -max,
/// the most negative code is never produced) in double precision and rounds half away from zero.
/// Int24LSB is 3 bytes little-endian; Int32LSBnn holds the nn-bit value right-aligned and
/// sign-extended. Float formats get the clipped value unscaled. Big-endian and DSD formats are
/// not supported (<see cref="IsSupported"/>). Real-time safe: no allocation, plain loops.
/// </remarks>
public static class AsioSampleConverter
{
    /// <summary>True for the formats <see cref="Convert"/> writes.</summary>
    public static bool IsSupported(AsioSampleType type) => BytesPerSample(type) != 0;

    /// <summary>Bytes one sample takes in the driver's buffer; 0 for unsupported formats.</summary>
    public static int BytesPerSample(AsioSampleType type) => type switch
    {
        AsioSampleType.ASIOSTInt16LSB => 2,
        AsioSampleType.ASIOSTInt24LSB => 3,
        AsioSampleType.ASIOSTInt32LSB or AsioSampleType.ASIOSTFloat32LSB or AsioSampleType.ASIOSTInt32LSB16
            or AsioSampleType.ASIOSTInt32LSB18 or AsioSampleType.ASIOSTInt32LSB20 or AsioSampleType.ASIOSTInt32LSB24 => 4,
        AsioSampleType.ASIOSTFloat64LSB => 8,
        _ => 0,
    };

    /// <summary>Writes <paramref name="source"/> into <paramref name="destination"/>, which holds at
    /// least <c>source.Length * BytesPerSample(type)</c> bytes. Unsupported formats get nothing written.</summary>
    public static void Convert(ReadOnlySpan<float> source, AsioSampleType type, Span<byte> destination)
    {
        switch (type)
        {
            case AsioSampleType.ASIOSTInt16LSB: ToInt16(source, MemoryMarshal.Cast<byte, short>(destination)); break;
            case AsioSampleType.ASIOSTInt24LSB: ToInt24(source, destination); break;
            case AsioSampleType.ASIOSTInt32LSB: ToInt32(source, MemoryMarshal.Cast<byte, int>(destination), 32); break;
            case AsioSampleType.ASIOSTInt32LSB16: ToInt32(source, MemoryMarshal.Cast<byte, int>(destination), 16); break;
            case AsioSampleType.ASIOSTInt32LSB18: ToInt32(source, MemoryMarshal.Cast<byte, int>(destination), 18); break;
            case AsioSampleType.ASIOSTInt32LSB20: ToInt32(source, MemoryMarshal.Cast<byte, int>(destination), 20); break;
            case AsioSampleType.ASIOSTInt32LSB24: ToInt32(source, MemoryMarshal.Cast<byte, int>(destination), 24); break;
            case AsioSampleType.ASIOSTFloat32LSB: ToFloat32(source, MemoryMarshal.Cast<byte, float>(destination)); break;
            case AsioSampleType.ASIOSTFloat64LSB: ToFloat64(source, MemoryMarshal.Cast<byte, double>(destination)); break;
            default: break;
        }
    }

    /// <summary>The integer code of <paramref name="sample"/> in a format of <paramref name="bits"/> bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Quantize(float sample, int bits)
    {
        double scaled = Clip(sample) * (double)((1L << (bits - 1)) - 1);
        return (int)(scaled >= 0 ? scaled + 0.5 : scaled - 0.5); // the cast truncates: half away from zero
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Clip(float sample)
    {
        if (float.IsNaN(sample)) return 0f;
        return sample > 1f ? 1f : sample < -1f ? -1f : sample;
    }

    private static void ToInt16(ReadOnlySpan<float> source, Span<short> destination)
    {
        destination = destination[..source.Length];
        for (int i = 0; i < source.Length; i++) destination[i] = (short)Quantize(source[i], 16);
    }

    private static void ToInt24(ReadOnlySpan<float> source, Span<byte> destination)
    {
        destination = destination[..(source.Length * 3)];
        for (int i = 0; i < source.Length; i++)
        {
            int value = Quantize(source[i], 24);
            int at = i * 3;
            destination[at] = (byte)value;
            destination[at + 1] = (byte)(value >> 8);
            destination[at + 2] = (byte)(value >> 16);
        }
    }

    private static void ToInt32(ReadOnlySpan<float> source, Span<int> destination, int bits)
    {
        destination = destination[..source.Length];
        for (int i = 0; i < source.Length; i++) destination[i] = Quantize(source[i], bits);
    }

    private static void ToFloat32(ReadOnlySpan<float> source, Span<float> destination)
    {
        destination = destination[..source.Length];
        for (int i = 0; i < source.Length; i++) destination[i] = Clip(source[i]);
    }

    private static void ToFloat64(ReadOnlySpan<float> source, Span<double> destination)
    {
        destination = destination[..source.Length];
        for (int i = 0; i < source.Length; i++) destination[i] = Clip(source[i]);
    }
}
