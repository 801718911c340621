using HapticShm.Plugin.Core.Editor;
using HapticShm.Plugin.Core.Parameters;
using HapticShm.Plugin.Drawing;
using HapticShm.Plugin.Tests.Host;
using HapticShm.Plugin.Tests.Host.X11;
using HapticShm.Plugin.Tests.Native;
using HapticShm.Plugin.Window;
using HapticShm.Shared.Status;
using static HapticShm.Plugin.Tests.Host.X11.EditorChecks;

namespace HapticShm.Plugin.Tests.Editor;

/// <summary>
/// The published plugin in Steinberg's editorhost on the test's Xvfb: embedded through XEmbed
/// (editorhost exits when our window has no <c>_XEMBED_INFO</c>), drawn, driven by real pointer
/// and key events (XTEST), closed as a window manager closes a window. What the editor shows is
/// read back from the screen; its expected pixel positions come from a view model of the same size.
/// </summary>
[Collection(NativeHostCollection.Name)]
public sealed unsafe class SdkEditorHostTests(PrivateBundle bundle, XvfbDisplay display, ITestOutputHelper output) : IClassFixture<XvfbDisplay>
{
    private const string Why = "Steinberg's editor host, which embeds the editor through XEmbed";
    private const long XEmbedMapped = 1;
    private static readonly int WaveSpeedControl = ControlIndex(ParameterIds.WaveSpeed);

    [SharedToolFact(SdkEditorHost.Tool, Why)]
    public void EditorHost_EmbedsOurWindow_AndShowsTheEditorsDrawing()
    {
        using var status = FakeStatusWithGrid(bundle, out StatusBlock block);
        for (int i = 0; i < 32; i++) block.Levels[i] = i / 31f;
        status.Publish(block);
        using var desktop = new X11Desktop();
        using var host = new SdkEditorHost(bundle, display, desktop);

        host.WaitEmbedded();
        Assert.Equal((0L, XEmbedMapped), desktop.ReadXEmbedInfo(host.EditorWindow));
        (_, _, int width, int height) = desktop.ScreenRect(host.EditorWindow);
        Assert.Equal((EditorSession.DefaultWidth, EditorSession.DefaultHeight), (width, height));
        EditorViewModel model = Model(block);
        float[] levels = new float[32];
        for (int i = 0; i < 32; i++) levels[i] = block.Levels[i];
        uint[] pixels = host.CaptureUntil((p, w) => Close(At(p, w, 2, 2), EditorColors.Background) && CellsMatch(p, model, levels), "the editor's background and its 32 cells on the screen");
        string path = Environment.GetEnvironmentVariable("HAPTICSHM_EDITORHOST_PNG") is { Length: > 0 } target ? target : Path.Combine(AppContext.BaseDirectory, "editorhost-window.png");
        EditorWindowHost.SavePng(pixels, path);
        int colours = pixels.Distinct().Count();
        output.WriteLine($"editorhost embedded window 0x{host.EditorWindow:X} ({width} x {height}) in 0x{host.TopLevel:X}; {colours} colours on screen; capture: {path}");
        AssertCells(pixels, model, block, "in editorhost");
        Assert.True(colours >= 20, $"only {colours} colours where the editor should be");

        AssertClosesCleanly(host, desktop);
    }

    [SharedToolFact(SdkEditorHost.Tool, Why)]
    public void EditorHost_ADragWithRealPointerEvents_MovesTheWaveSpeedSlider()
    {
        using var status = FakeStatusWithGrid(bundle, out StatusBlock block);
        using var desktop = new X11Desktop();
        using var host = new SdkEditorHost(bundle, display, desktop);
        host.WaitEmbedded();
        EditorViewModel model = Model(block);
        PixelRect track = model.Layout.Track(WaveSpeedControl);
        float y = track.Y + track.Height / 2;
        float At(float fraction) => track.X + fraction * track.Width;
        host.CaptureUntil((p, w) => Close(EditorChecks.At(p, w, 2, 2), EditorColors.Background), "the editor drawn");

        host.Drag((At(0.5f), y), (At(0.3f), y + 20), (At(0.2f), y));
        host.CaptureUntil((p, w) => Close(EditorChecks.At(p, w, At(0.1f), y), EditorColors.Fill) && Close(EditorChecks.At(p, w, At(0.3f), y), EditorColors.Track),
            "the slider filled to 0.2 after the drag");
        host.Drag((At(0.2f), y), (At(0.9f), y));
        host.CaptureUntil((p, w) => Close(EditorChecks.At(p, w, At(0.8f), y), EditorColors.Fill) && Close(EditorChecks.At(p, w, At(0.95f), y), EditorColors.Track),
            "the slider filled to 0.9 after the second drag");
        output.WriteLine($"wave speed dragged to 0.2 then 0.9 of its track ({PluginParameters.All[PluginParameters.IndexOf(ParameterIds.WaveSpeed)].ToPlain(model.NormalizedAt(WaveSpeedControl, At(0.9f))):F1} m/s), seen on the screen");

        AssertClosesCleanly(host, desktop);
    }

    [SharedToolFact(SdkEditorHost.Tool, Why)]
    public void EditorHost_AClickThenRealArrowKeys_MoveTheFocusAndTheValue()
    {
        using var status = FakeStatusWithGrid(bundle, out StatusBlock block);
        using var desktop = new X11Desktop();
        using var host = new SdkEditorHost(bundle, display, desktop);
        host.WaitEmbedded();
        EditorViewModel model = Model(block);
        PixelRect wave = model.Layout.Track(WaveSpeedControl), routing = model.Layout.Track(ControlIndex(ParameterIds.Routing));
        bool Ring(uint[] p, int w, PixelRect track) => Close(EditorChecks.At(p, w, track.Right + EditorPainter.FocusGap, track.Y + track.Height / 2), EditorColors.Focus);
        host.CaptureUntil((p, w) => Close(EditorChecks.At(p, w, 2, 2), EditorColors.Background), "the editor drawn");

        host.Drag((wave.X + 0.5f * wave.Width, wave.Y + wave.Height / 2)); // a click: the keyboard comes with it
        host.CaptureUntil((p, w) => Ring(p, w, wave), "the ring on wave speed after the click");
        desktop.Key(0xFF54); // Down
        desktop.Key(0xFF53); // Right: routing by velocity -> wave
        float y = routing.Y + routing.Height / 2;
        host.CaptureUntil((p, w) => Ring(p, w, routing) && !Ring(p, w, wave)
                && Close(EditorChecks.At(p, w, routing.X + 0.2f * routing.Width, y), EditorColors.Fill) && Close(EditorChecks.At(p, w, routing.X + 0.3f * routing.Width, y), EditorColors.Track),
            "the ring on routing, filled to its second step (0.25)");
        output.WriteLine("click on wave speed, Down, Right: routing at 0.25 with the ring, seen on the screen");

        AssertClosesCleanly(host, desktop);
    }

    private void AssertClosesCleanly(SdkEditorHost host, X11Desktop desktop)
    {
        int exit = host.Close();
        output.WriteLine($"editorhost exited {exit}; it printed:\n{host.Output}");
        Assert.Equal(0, exit);
        Assert.DoesNotContain("X Error", host.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(desktop.AllWindows(), w => desktop.ReadXEmbedInfo(w) is not null);
    }

    private static bool CellsMatch(uint[] pixels, EditorViewModel model, float[] levels)
    {
        for (int i = 0; i < levels.Length; i++)
            if (!Close(EditorColors.Level(levels[i]), At(pixels, EditorSession.DefaultWidth, model.Transform.PixelX(model.TransducerX[i]), model.Transform.PixelY(model.TransducerY[i])))) return false;
        return true;
    }
}
