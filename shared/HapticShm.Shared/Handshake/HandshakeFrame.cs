using System.Runtime.InteropServices;
using System.Text;

namespace HapticShm.Shared.Handshake;

/// <summary>
/// Every handshake message is one fixed-size frame of <see cref="Size"/> bytes: a common prefix
/// (magic, protocol version, type) that never moves between versions, so that a server can read
/// any client's hello and answer a version mismatch in words, then a body per type.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = Size)]
public unsafe struct HandshakeFrame
{
    /// <summary>Bytes per frame.</summary>
    public const int Size = 512;
    /// <summary>"HSHK" little-endian.</summary>
    public const uint MagicValue = 0x4B48_5348;
    /// <summary>The protocol this build speaks; bump with any change to frames, rings or commands.</summary>
    public const ushort ProtocolVersion = 1;
    /// <summary>Bytes for the client name (UTF-8, zero-padded).</summary>
    public const int NameBytes = 64;
    /// <summary>Bytes for a path or a reason (UTF-8, zero-padded).</summary>
    public const int TextBytes = 384;

    /// <summary><see cref="MagicValue"/>.</summary>
    [FieldOffset(0)] public uint Magic;
    /// <summary>The sender's protocol version.</summary>
    [FieldOffset(4)] public ushort Version;
    /// <summary>What this frame is.</summary>
    [FieldOffset(6)] public HandshakeMessageType Type;

    // Hello
    /// <summary>Hello: client process id.</summary>
    [FieldOffset(8)] public int ClientPid;
    /// <summary>Hello: client name, UTF-8.</summary>
    [FieldOffset(16)] public fixed byte ClientName[NameBytes];

    // Welcome
    /// <summary>Welcome: server process id.</summary>
    [FieldOffset(8)] public int ServerPid;
    /// <summary>Welcome: frames per second.</summary>
    [FieldOffset(12)] public int SampleRate;
    /// <summary>Welcome: frames per block.</summary>
    [FieldOffset(16)] public int BlockSize;
    /// <summary>Welcome: output channels (transducers).</summary>
    [FieldOffset(20)] public int ChannelCount;
    /// <summary>Welcome: ring capacity in slots.</summary>
    [FieldOffset(24)] public int RingCapacity;
    /// <summary>Welcome: the client's slot number on the server.</summary>
    [FieldOffset(28)] public int ClientSlot;
    /// <summary>Welcome: fixed latency the server adds to every timestamp.</summary>
    [FieldOffset(32)] public long FixedLatencyNs;
    /// <summary>Welcome: the ring's session id.</summary>
    [FieldOffset(40)] public Guid SessionId;
    /// <summary>Welcome: ring file path; Reject: the reason.</summary>
    [FieldOffset(64)] public fixed byte Text[TextBytes];

    // Reject
    /// <summary>Reject: why.</summary>
    [FieldOffset(8)] public RejectCode Code;

    /// <summary>A hello from this process.</summary>
    public static HandshakeFrame Hello(string clientName)
    {
        var frame = Header(HandshakeMessageType.Hello);
        frame.ClientPid = Environment.ProcessId;
        WriteText(clientName, new Span<byte>(frame.ClientName, NameBytes));
        return frame;
    }

    /// <summary>A reject with a sentence a person understands.</summary>
    public static HandshakeFrame Reject(RejectCode code, string reason)
    {
        var frame = Header(HandshakeMessageType.Reject);
        frame.Code = code;
        WriteText(reason, new Span<byte>(frame.Text, TextBytes));
        return frame;
    }

    /// <summary>A frame of <paramref name="type"/> with magic and version set.</summary>
    public static HandshakeFrame Header(HandshakeMessageType type) =>
        new() { Magic = MagicValue, Version = ProtocolVersion, Type = type };

    /// <summary>The client name of a hello.</summary>
    public readonly string ClientNameText
    {
        get { fixed (byte* p = ClientName) return ReadText(new ReadOnlySpan<byte>(p, NameBytes)); }
    }

    /// <summary>The ring path of a welcome, or the reason of a reject.</summary>
    public readonly string TextValue
    {
        get { fixed (byte* p = Text) return ReadText(new ReadOnlySpan<byte>(p, TextBytes)); }
    }

    /// <summary>Sets <see cref="Text"/> (truncated at a character boundary if too long).</summary>
    public void SetText(string value)
    {
        fixed (byte* p = Text) WriteText(value, new Span<byte>(p, TextBytes));
    }

    /// <summary>The frame as bytes, for sending.</summary>
    public readonly ReadOnlySpan<byte> AsBytes()
    {
        fixed (HandshakeFrame* p = &this) return new ReadOnlySpan<byte>(p, Size);
    }

    /// <summary>Reads a frame from exactly <see cref="Size"/> bytes.</summary>
    public static HandshakeFrame FromBytes(ReadOnlySpan<byte> bytes) => MemoryMarshal.Read<HandshakeFrame>(bytes[..Size]);

    private static void WriteText(string value, Span<byte> destination)
    {
        destination.Clear();
        // Leave one zero byte; cut at a UTF-8 boundary so a long name never becomes invalid text.
        int length = Math.Min(value.Length, destination.Length - 1);
        while (length > 0 && Encoding.UTF8.GetByteCount(value.AsSpan(0, length)) > destination.Length - 1) length--;
        Encoding.UTF8.GetBytes(value.AsSpan(0, length), destination);
    }

    private static string ReadText(ReadOnlySpan<byte> source)
    {
        int end = source.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? source : source[..end]);
    }
}
