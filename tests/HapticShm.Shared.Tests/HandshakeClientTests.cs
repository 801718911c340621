using HapticShm.Shared.Handshake;

namespace HapticShm.Shared.Tests;

/// <summary>Whatever stops the client reaching a server surfaces as <see cref="ServerUnavailableException"/>.</summary>
public sealed class HandshakeClientTests
{
    [Fact]
    public void Connect_NoSocketFile_ThrowsServerUnavailable()
    {
        string path = Path.Combine(Path.GetTempPath(), $"hapticshm-none-{Guid.NewGuid():N}.sock");

        var error = Assert.Throws<ServerUnavailableException>(() => HandshakeClient.Connect("test", path));

        Assert.Contains("no HapticShm server answers on", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Connect_SocketPathTooLongForTheOs_ThrowsServerUnavailable()
    {
        string path = Path.Combine(Path.GetTempPath(), new string('x', 300) + ".sock");

        var error = Assert.Throws<ServerUnavailableException>(() => HandshakeClient.Connect("test", path));

        Assert.Contains("too long for a Unix socket", error.Message, StringComparison.Ordinal);
    }
}
