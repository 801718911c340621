using System.Runtime.CompilerServices;

namespace HapticShm.Plugin.Interop;

/// <summary>
/// A VST3 interface or class id: 16 bytes. DECLARE_CLASS_IID gives four 32-bit words; with
/// COM_COMPATIBLE 0 (Linux, macOS) the bytes are the words big-endian in order; with
/// COM_COMPATIBLE 1 (Windows) the first three fields are swapped like a COM GUID.
/// </summary>
[InlineArray(16)]
internal struct Tuid
{
    private byte _first;

    public static Tuid FromWords(uint l1, uint l2, uint l3, uint l4)
    {
        var id = new Tuid();
        Span<byte> bytes = id;
        if (OperatingSystem.IsWindows())
        {
            bytes[0] = (byte)l1; bytes[1] = (byte)(l1 >> 8); bytes[2] = (byte)(l1 >> 16); bytes[3] = (byte)(l1 >> 24);
            bytes[4] = (byte)(l2 >> 16); bytes[5] = (byte)(l2 >> 24); bytes[6] = (byte)l2; bytes[7] = (byte)(l2 >> 8);
        }
        else
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(bytes, l1);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(bytes[4..], l2);
        }
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(bytes[8..], l3);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(bytes[12..], l4);
        return id;
    }

    /// <summary>True when the 16 bytes at <paramref name="other"/> equal this id (null never does).</summary>
    public readonly unsafe bool Matches(void* other) =>
        other != null && ((ReadOnlySpan<byte>)this).SequenceEqual(new ReadOnlySpan<byte>(other, 16));

    public readonly unsafe void CopyTo(void* destination) => ((ReadOnlySpan<byte>)this).CopyTo(new Span<byte>(destination, 16));

    /// <summary>32 hex digits in byte order, the moduleinfo.json spelling.</summary>
    public override readonly string ToString() => Convert.ToHexString(this);
}
