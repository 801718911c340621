using HapticShm.Plugin.Core.Editor;
using HapticShm.Plugin.Core.Parameters;
using HapticShm.Plugin.Drawing;
using HapticShm.Plugin.Tests.Host;
using HapticShm.Plugin.Tests.Host.X11;
using HapticShm.Plugin.Tests.Native;
using HapticShm.Plugin.Window.X11;
using HapticShm.Shared.Status;
using static HapticShm.Plugin.Tests.Host.X11.EditorChecks;
using static HapticShm.Plugin.Window.X11.XEmbedClient;

namespace HapticShm.Plugin.Tests.Editor;

/// <summary>
/// The published plugin's editor window as an XEmbed client, in the test's own top-level window:
/// the test plays the embedder, sending <c>_XEMBED</c> messages and forwarding keys with XSendEvent,
/// and reads <c>_XEMBED_INFO</c> and the pixels back.
/// </summary>
[Collection(NativeHostCollection.Name)]
public sealed unsafe class EditorXEmbedTests(PrivateBundle bundle, XvfbDisplay display, ITestOutputHelper output) : IClassFixture<XvfbDisplay>
{
    [Fact]
    public void Window_CarriesXEmbedInfo_AndSetsMappedWhenEmbedded()
    {
        using var status = FakeStatusWithGrid(bundle, out _);
        using var plugin = new PluginInstance(bundle.Module);
        using var editor = new EditorWindowHost(plugin, bundle.Module);
        using var desktop = new X11Desktop();
        editor.Open();
        Assert.Equal((0L, 0L), desktop.ReadXEmbedInfo(editor.EditorWindow)); // there at attached(), before any event
        Assert.True(desktop.IsViewable(editor.EditorWindow), "the window did not map itself (a host without XEmbed shows nothing)");

        desktop.SendXEmbed(editor.EditorWindow, XEMBED_EMBEDDED_NOTIFY, 0, (long)editor.X11.Window, 0);
        PumpUntil(editor.Frames, () => desktop.ReadXEmbedInfo(editor.EditorWindow) == (0L, XEMBED_MAPPED), "_XEMBED_INFO with XEMBED_MAPPED");
        output.WriteLine($"display {display.Name}: window 0x{editor.EditorWindow:X} embedded, _XEMBED_INFO {desktop.ReadXEmbedInfo(editor.EditorWindow)}");
    }

    [Fact]
    public void FocusFromTheEmbedder_ShowsTheRing_AndForwardedArrowKeysMoveTheFocusAndTheValue()
    {
        using var status = FakeStatusWithGrid(bundle, out StatusBlock block);
        using var plugin = new PluginInstance(bundle.Module);
        using var editor = new EditorWindowHost(plugin, bundle.Module);
        using var desktop = new X11Desktop();
        editor.Open();
        editor.Frames(2);
        EditorViewModel model = Model(block);
        bool Ring(int control)
        {
            PixelRect track = model.Layout.Track(control);
            return Close(EditorColors.Focus, EditorWindowHost.At(editor.Capture(), track.Right + EditorPainter.FocusGap, track.Y + track.Height / 2));
        }
        Assert.False(Ring(0), "a focus ring before the embedder gave the focus");

        desktop.SendXEmbed(editor.EditorWindow, XEMBED_EMBEDDED_NOTIFY, 0, (long)editor.X11.Window, 0);
        desktop.SendXEmbed(editor.EditorWindow, XEMBED_WINDOW_ACTIVATE);
        desktop.SendXEmbed(editor.EditorWindow, XEMBED_FOCUS_IN, XEMBED_FOCUS_FIRST);
        PumpUntil(editor.Frames, () => Ring(0), "the ring on the first slider after XEMBED_FOCUS_IN");

        desktop.SendKey(editor.EditorWindow, X11Keys.XK_Down);
        desktop.SendKey(editor.EditorWindow, X11Keys.XK_Right);
        PumpUntil(editor.Frames, () => editor.Handler.Calls.Any(c => c.Call == "end"), "the key's endEdit");
        Assert.Equal([("begin", ParameterIds.Routing, double.NaN), ("perform", ParameterIds.Routing, 0.25), ("end", ParameterIds.Routing, double.NaN)], editor.Handler.Calls);
        editor.Frames(1);
        Assert.True(Ring(1) && !Ring(0), "the ring did not move to routing with the down arrow");

        desktop.SendXEmbed(editor.EditorWindow, XEMBED_WINDOW_DEACTIVATE);
        PumpUntil(editor.Frames, () => !Ring(1), "the ring gone with XEMBED_WINDOW_DEACTIVATE");
        desktop.SendXEmbed(editor.EditorWindow, XEMBED_WINDOW_ACTIVATE);
        PumpUntil(editor.Frames, () => Ring(1), "the ring back with XEMBED_WINDOW_ACTIVATE");
        desktop.SendXEmbed(editor.EditorWindow, XEMBED_FOCUS_OUT);
        PumpUntil(editor.Frames, () => !Ring(1), "the ring gone with XEMBED_FOCUS_OUT");
        output.WriteLine($"keys: {string.Join(", ", editor.Handler.Calls)}");
    }
}
