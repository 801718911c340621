using HapticShm.Plugin.Window.X11;
using static HapticShm.Plugin.Window.X11.XEmbedClient;

namespace HapticShm.Plugin.Tests.Editor;

public sealed class XEmbedClientTests
{
    private readonly XEmbedClient _client = new();

    [Fact]
    public void BeforeTheEmbedder_TheInfoSaysNotMapped_AndNothingHasTheFocus()
    {
        Assert.Equal(0, ProtocolVersion);
        Assert.Equal(0, _client.Flags); // editorhost exits ("Window already mapped error") on XEMBED_MAPPED here
        Assert.Equal(0u, _client.Embedder);
        Assert.False(_client.HasFocus);
    }

    [Fact]
    public void EmbeddedNotify_SetsTheMappedFlagOnce_AndNamesTheEmbedder()
    {
        Assert.Equal(XEmbedChange.Info, _client.Receive(XEMBED_EMBEDDED_NOTIFY, 0, 0x400005, 0));
        Assert.Equal(XEMBED_MAPPED, _client.Flags);
        Assert.Equal((nuint)0x400005, _client.Embedder);
        Assert.Equal(XEmbedChange.None, _client.Receive(XEMBED_EMBEDDED_NOTIFY, 0, 0x400005, 1)); // a newer embedder: we stay at 0
        Assert.Equal(0, _client.Version);
        Assert.Equal(XEMBED_MAPPED, _client.Flags);
    }

    [Fact]
    public void FocusIsShown_OnlyWhileFocusedInAnActiveWindow()
    {
        Assert.Equal(XEmbedChange.Focus, _client.Receive(XEMBED_FOCUS_IN, XEMBED_FOCUS_CURRENT, 0, 0));
        Assert.False(_client.HasFocus); // focused, but the top-level is not active yet
        Assert.Equal(XEmbedChange.Focus, _client.Receive(XEMBED_WINDOW_ACTIVATE, 0, 0, 0));
        Assert.True(_client.HasFocus);
        Assert.Equal(XEmbedChange.Focus, _client.Receive(XEMBED_WINDOW_DEACTIVATE, 0, 0, 0));
        Assert.False(_client.HasFocus);
        _client.Receive(XEMBED_WINDOW_ACTIVATE, 0, 0, 0);
        Assert.Equal(XEmbedChange.Focus, _client.Receive(XEMBED_FOCUS_OUT, 0, 0, 0));
        Assert.False(_client.HasFocus);
    }

    [Fact]
    public void FocusIn_FirstOrLast_SaysWhereTheFocusEnters()
    {
        Assert.Equal(XEmbedChange.FocusFirst, _client.Receive(XEMBED_FOCUS_IN, XEMBED_FOCUS_FIRST, 0, 0));
        Assert.Equal(XEmbedChange.FocusLast, _client.Receive(XEMBED_FOCUS_IN, XEMBED_FOCUS_LAST, 0, 0));
    }

    [Theory]
    [InlineData(XEMBED_REQUEST_FOCUS)] // an embedder's message, not a client's
    [InlineData(XEMBED_FOCUS_NEXT)]
    [InlineData(XEMBED_FOCUS_PREV)]
    [InlineData(XEMBED_MODALITY_ON)]
    [InlineData(XEMBED_MODALITY_OFF)]
    [InlineData(99)]
    public void OtherMessages_ChangeNothing(long message)
    {
        Assert.Equal(XEmbedChange.None, _client.Receive(message, 0, 0, 0));
        Assert.Equal(0, _client.Flags);
        Assert.False(_client.Focused || _client.Active);
    }
}
