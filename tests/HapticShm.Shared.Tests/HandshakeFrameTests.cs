using System.Runtime.InteropServices;
using HapticShm.Shared.Handshake;

namespace HapticShm.Shared.Tests;

public class HandshakeFrameTests
{
    [Fact]
    public void Frame_Is512BytesWithAStablePrefix()
    {
        Assert.Equal(512, Marshal.SizeOf<HandshakeFrame>());
        Assert.Equal(0, (int)Marshal.OffsetOf<HandshakeFrame>(nameof(HandshakeFrame.Magic)));
        Assert.Equal(4, (int)Marshal.OffsetOf<HandshakeFrame>(nameof(HandshakeFrame.Version)));
        Assert.Equal(6, (int)Marshal.OffsetOf<HandshakeFrame>(nameof(HandshakeFrame.Type)));
        Assert.Equal(64, (int)Marshal.OffsetOf<HandshakeFrame>(nameof(HandshakeFrame.Text)));
    }

    [Fact]
    public void Hello_RoundTripsThroughBytes()
    {
        var hello = HandshakeFrame.Hello("Bitwig – track 3");
        var back = HandshakeFrame.FromBytes(hello.AsBytes().ToArray());
        Assert.Equal(HandshakeFrame.MagicValue, back.Magic);
        Assert.Equal(HandshakeFrame.ProtocolVersion, back.Version);
        Assert.Equal(HandshakeMessageType.Hello, back.Type);
        Assert.Equal(Environment.ProcessId, back.ClientPid);
        Assert.Equal("Bitwig – track 3", back.ClientNameText);
    }

    [Fact]
    public void Text_TooLong_IsCutAtACharacterBoundary()
    {
        string name = new string('é', 100); // 2 bytes each in UTF-8
        var hello = HandshakeFrame.Hello(name);
        Assert.Equal(new string('é', 31), hello.ClientNameText);
        var reject = HandshakeFrame.Reject(RejectCode.VersionMismatch, "client speaks protocol 2, server speaks 1");
        Assert.Equal("client speaks protocol 2, server speaks 1", reject.TextValue);
        Assert.Equal(RejectCode.VersionMismatch, reject.Code);
    }
}
