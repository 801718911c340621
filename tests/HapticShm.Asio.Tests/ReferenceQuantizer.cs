using HapticShm.Server.Backends.Asio;

namespace HapticShm.Asio.Tests;

/// <summary>
/// The documented conversion rule, written independently of the converter: NaN to 0, clip to
/// [-1, 1], scale by 2^(bits-1) - 1, round half away from zero (Math.Round, in decimal so the
/// product is exact), then encode little-endian.
/// </summary>
internal static class ReferenceQuantizer
{
    public static long Quantize(float sample, int bits)
    {
        double clipped = float.IsNaN(sample) ? 0 : Math.Clamp((double)sample, -1, 1);
        decimal scaled = (decimal)clipped * ((1L << (bits - 1)) - 1);
        return (long)Math.Round(scaled, MidpointRounding.AwayFromZero);
    }

    public static byte[] Encode(ReadOnlySpan<float> samples, AsioSampleType type)
    {
        var bytes = new List<byte>();
        foreach (float s in samples)
        {
            float clipped = float.IsNaN(s) ? 0f : Math.Clamp(s, -1f, 1f);
            switch (type)
            {
                case AsioSampleType.ASIOSTInt16LSB: bytes.AddRange(BitConverter.GetBytes((short)Quantize(s, 16))); break;
                case AsioSampleType.ASIOSTInt24LSB: bytes.AddRange(BitConverter.GetBytes((int)Quantize(s, 24)).AsSpan(0, 3).ToArray()); break;
                case AsioSampleType.ASIOSTInt32LSB: bytes.AddRange(BitConverter.GetBytes((int)Quantize(s, 32))); break;
                case AsioSampleType.ASIOSTInt32LSB16: bytes.AddRange(BitConverter.GetBytes((int)Quantize(s, 16))); break;
                case AsioSampleType.ASIOSTInt32LSB18: bytes.AddRange(BitConverter.GetBytes((int)Quantize(s, 18))); break;
                case AsioSampleType.ASIOSTInt32LSB20: bytes.AddRange(BitConverter.GetBytes((int)Quantize(s, 20))); break;
                case AsioSampleType.ASIOSTInt32LSB24: bytes.AddRange(BitConverter.GetBytes((int)Quantize(s, 24))); break;
                case AsioSampleType.ASIOSTFloat32LSB: bytes.AddRange(BitConverter.GetBytes(clipped)); break;
                case AsioSampleType.ASIOSTFloat64LSB: bytes.AddRange(BitConverter.GetBytes((double)clipped)); break;
                default: throw new ArgumentOutOfRangeException(nameof(type), type, "no reference encoding");
            }
        }
        return bytes.ToArray();
    }
}
