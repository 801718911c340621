using System.Diagnostics;
using HapticShm.Plugin.Clap.Interop;
using HapticShm.Plugin.Core.Editor;
using HapticShm.Plugin.Core.Parameters;
using HapticShm.Plugin.Core.Processing;
using HapticShm.Plugin.Drawing;
using HapticShm.Plugin.Tests.Editor;
using HapticShm.Plugin.Tests.Host;
using HapticShm.Plugin.Tests.Host.X11;
using HapticShm.Plugin.Tests.Native;
using HapticShm.Shared;
using HapticShm.Shared.Protocol;
using HapticShm.Shared.Status;
using HapticShm.Plugin.Window;
using static HapticShm.Plugin.Tests.Host.X11.EditorChecks;
using SkiaSharp;

namespace HapticShm.Plugin.Tests.Clap;

/// <summary>
/// The published .clap's editor (clap.gui, embedded "x11") in a real X11 window under Xvfb, on the
/// test host's timer-support and posix-fd-support, captured with XGetImage. Expected pixel
/// positions come from a view model of the same size.
/// </summary>
[Collection(NativeHostCollection.Name)]
public sealed unsafe class ClapEditorTests(ClapBundle bundle, XvfbDisplay display, ITestOutputHelper output) : IClassFixture<XvfbDisplay>
{
    private static readonly int WaveSpeedControl = ControlIndex(ParameterIds.WaveSpeed);
    private static readonly PluginParameter WaveSpeed = PluginParameters.All[PluginParameters.IndexOf(ParameterIds.WaveSpeed)];

    [Fact]
    public void ExtensionStructs_HaveNoNullFunctionPointers()
    {
        using var plugin = new ClapTestPlugin(bundle.Module);
        ClapPluginGui* gui = plugin.Extension<ClapPluginGui>(ClapIds.Gui);
        ClapPluginTimerSupport* timer = plugin.Extension<ClapPluginTimerSupport>(ClapIds.TimerSupport);
        ClapPluginPosixFdSupport* fd = plugin.Extension<ClapPluginPosixFdSupport>(ClapIds.PosixFdSupport);
        Assert.True(gui != null && timer != null && fd != null, "an extension is missing");
        AssertNoNullPointers(gui, sizeof(ClapPluginGui), "clap.gui");
        AssertNoNullPointers(timer, sizeof(ClapPluginTimerSupport), "clap.timer-support");
        AssertNoNullPointers(fd, sizeof(ClapPluginPosixFdSupport), "clap.posix-fd-support");

        fixed (byte* x11 = ClapWindow.ApiX11)
        fixed (byte* win32 = ClapWindow.ApiWin32)
        {
            Assert.Equal(1, gui->IsApiSupported(plugin.Plugin, x11, 0));
            Assert.Equal(0, gui->IsApiSupported(plugin.Plugin, x11, 1)); // floating: no
            Assert.Equal(0, gui->IsApiSupported(plugin.Plugin, win32, 0));
        }
        byte* preferred;
        byte floating;
        Assert.Equal(1, gui->GetPreferredApi(plugin.Plugin, &preferred, &floating));
        Assert.Equal("x11", System.Runtime.InteropServices.Marshal.PtrToStringUTF8((nint)preferred));
        Assert.Equal(0, floating);
        Assert.Empty(plugin.Host.Violations);
    }

    [Fact]
    public void Create_WithoutTimerOrFdSupport_ReturnsFalse()
    {
        using var plugin = new ClapTestPlugin(bundle.Module, offerRunLoop: false);
        using var editor = new ClapEditorHost(plugin);
        Assert.False(editor.Create(), "gui.create succeeded on a host with no timer-support / posix-fd-support");
        Assert.Empty(editor.X11.Children());
    }

    [Fact]
    public void Grid_IsDrawnWithTheLevelsOfTheStatusBlock()
    {
        using var status = FakeStatusWithGrid(bundle, out StatusBlock block);
        for (int i = 0; i < 32; i++) block.Levels[i] = i / 31f;
        status.Publish(block);
        using var plugin = new ClapTestPlugin(bundle.Module);
        using var editor = new ClapEditorHost(plugin);
        editor.Open();
        Assert.Equal((uint)EditorSession.FrameIntervalMs, Assert.Single(plugin.Host.Timers).Value);
        Assert.Equal(ClapHostPosixFdSupport.Read, Assert.Single(plugin.Host.Fds).Value);
        EditorViewModel model = Model(block);
        editor.Frames(3);
        AssertCells(editor.Capture(), model, block, "levels rising along the grid");

        // Hidden, the editor stops drawing: new levels wait for show.
        StatusBlock shown = block;
        Assert.Equal(1, editor.Gui->Hide(plugin.Plugin));
        for (int i = 0; i < 32; i++) block.Levels[i] = (31 - i) / 31f;
        status.Publish(block);
        editor.Frames(3);
        AssertCells(editor.Capture(), model, shown, "hidden: still the levels before hide");
        Assert.Equal(1, editor.Gui->Show(plugin.Plugin));
        editor.Frames(2);
        AssertCells(editor.Capture(), model, block, "levels turned around");
        Assert.Empty(plugin.Host.Violations);
        output.WriteLine($"display {display.Name}: 32 cells matched twice through clap.gui");
    }

    [Fact]
    public void WaveSpeedDrag_WhileNotProcessing_ReachesTheHostThroughRequestFlushAndFlush_AndAHostFlushMovesTheSlider()
    {
        using var status = FakeStatusWithGrid(bundle, out StatusBlock block);
        using var plugin = new ClapTestPlugin(bundle.Module);
        using var editor = new ClapEditorHost(plugin);
        editor.Open();
        editor.Frames(2);
        EditorViewModel model = Model(block);
        (int y, int[] xs) = DragPoints(model);

        editor.X11.Press(editor.EditorWindow, xs[0], y);
        editor.X11.Motion(editor.EditorWindow, xs[1], y);
        editor.X11.Release(editor.EditorWindow, xs[2], y);
        PumpUntil(editor.Frames, () => plugin.Host.Calls.Count(c => c == "params.request_flush") >= 5, "request_flush for each of the drag's 5 edits");

        using var events = new ClapTestEvents();
        plugin.Extension<ClapPluginParams>(ClapIds.Params)->Flush(plugin.Plugin, events.Input, events.Output);
        AssertDragEvents(events.PushedParams, model, xs);
        Assert.Equal(ExpectedPlain(model, xs[2]), plugin.GetValue(ParameterIds.WaveSpeed), 9);
        output.WriteLine($"flush pushed: {string.Join(", ", events.PushedParams)}");

        // The slider ends at 0.75: 0.85 of its track is empty. The host sets 0.9 through flush: filled.
        PixelRect track = model.Layout.Track(WaveSpeedControl);
        (float probeX, float probeY) = (track.X + 0.85f * track.Width, track.Y + track.Height / 2);
        editor.Frames(1);
        AssertColour(EditorColors.Track, EditorWindowHost.At(editor.Capture(), probeX, probeY), "the track beyond the dragged value");
        plugin.Flush((ParameterIds.WaveSpeed, WaveSpeed.ToPlain(0.9)));
        editor.Frames(1);
        AssertColour(EditorColors.Fill, EditorWindowHost.At(editor.Capture(), probeX, probeY), "the track after the host flushed 0.9");
        Assert.Empty(plugin.Host.Violations);
    }

    [Fact]
    public void WaveSpeedDrag_WhileProcessing_ComesOutOfProcess_AndAHostValueInProcessMovesTheSlider()
    {
        // Active: the plugin launches a real server, which publishes the status block itself.
        bundle.UseEnvironment();
        bundle.KillServers();
        StatusBlock block = TestStatus.Grid(MonotonicClock.NowNs()); // the layout the sliders are drawn in
        using var plugin = new ClapTestPlugin(bundle.Module);
        plugin.Activate();
        using var editor = new ClapEditorHost(plugin);
        editor.Open();
        editor.Frames(2);
        EditorViewModel model = Model(block);
        (int y, int[] xs) = DragPoints(model);
        int flushesBefore = plugin.Host.Calls.Count(c => c == "params.request_flush");

        editor.X11.Press(editor.EditorWindow, xs[0], y);
        editor.X11.Motion(editor.EditorWindow, xs[1], y);
        editor.X11.Release(editor.EditorWindow, xs[2], y);
        var pushed = new List<(ushort Type, uint ParamId, double Value)>();
        PumpUntil(editor.Frames, () =>
        {
            Assert.Equal(ClapProcessStatus.Continue, plugin.Process());
            pushed.AddRange(plugin.Events.PushedParams);
            plugin.Events.PushedParams.Clear();
            return pushed.Any(e => e.Type == ClapEventHeader.ParamGestureEnd);
        }, "the drag's gesture end out of process()");
        AssertDragEvents(pushed, model, xs);
        Assert.Equal(flushesBefore, plugin.Host.Calls.Count(c => c == "params.request_flush")); // processing: no flush needed

        PixelRect track = model.Layout.Track(WaveSpeedControl);
        (float probeX, float probeY) = (track.X + 0.85f * track.Width, track.Y + track.Height / 2);
        editor.Frames(1);
        AssertColour(EditorColors.Track, EditorWindowHost.At(editor.Capture(), probeX, probeY), "the track beyond the dragged value");
        plugin.Events.ParamValue(0, ParameterIds.WaveSpeed, WaveSpeed.ToPlain(0.9));
        Assert.Equal(ClapProcessStatus.Continue, plugin.Process());
        editor.Frames(1);
        AssertColour(EditorColors.Fill, EditorWindowHost.At(editor.Capture(), probeX, probeY), "the track after a host value in process");
        editor.Close();
        plugin.Deactivate();
        bundle.KillServers();
        // Nothing main-thread-only (timer, fd, rescan) and no request_flush came from the audio thread.
        Assert.Empty(plugin.Host.Violations);
    }

    [Fact]
    public void ClickOnTheArray_PushesATestPulseWhoseSourceIsWhereTheClickLanded()
    {
        using var status = FakeStatusWithGrid(bundle, out StatusBlock block);
        using var ring = new TempRing();
        ring.OfferToPlugin(); // the connection takes this ring: no server needed
        try
        {
            using var plugin = new ClapTestPlugin(bundle.Module);
            plugin.Activate();
            Assert.Equal(ClapProcessStatus.Continue, plugin.Process());
            ring.Drain(); // the initial parameter burst
            using var editor = new ClapEditorHost(plugin);
            editor.Open();
            editor.Frames(2);

            EditorViewModel model = Model(block);
            int x = (int)model.Transform.PixelX(0.27f), y = (int)model.Transform.PixelY(0.06f);
            Assert.True(model.HitTestArray(x, y, out ArrayHit hit));
            editor.X11.Press(editor.EditorWindow, x, y);
            editor.X11.Release(editor.EditorWindow, x, y);
            var commands = new List<Command>();
            PumpUntil(editor.Frames, () =>
            {
                Assert.Equal(ClapProcessStatus.Continue, plugin.Process());
                commands.AddRange(ring.Drain());
                return commands.Any(c => c.Kind == CommandKind.NoteOff && c.NoteId == PluginProcessor.TestPulseNoteId);
            }, "the click's note-on and note-off in the ring");
            editor.Close();
            plugin.Deactivate();

            Command on = Assert.Single(commands, c => c.Kind == CommandKind.NoteOn);
            Assert.Equal(PluginProcessor.TestPulseNoteId, on.NoteId);
            Assert.Equal(hit.PitchBend, on.PitchBend);
            Assert.Equal(hit.Timbre, on.Timbre);
            Assert.Equal(0.8f, on.Velocity);
            Assert.Equal(13, hit.Transducer);
            Assert.Empty(plugin.Host.Violations);
            output.WriteLine($"click at pixel ({x}, {y}) = ({hit.X:F4}, {hit.Y:F4}) m: bend {on.PitchBend:F4}, timbre {on.Timbre:F4}");
        }
        finally
        {
            bundle.UseEnvironment(); // drops the ring override
        }
    }

    [Fact]
    public void Frames_AllocateNothing_AndTheirTimesArePrinted()
    {
        using var status = FakeStatusWithGrid(bundle, out StatusBlock block);
        for (int i = 0; i < 32; i++) block.Levels[i] = (i % 5) / 4f;
        TestStatus.SetSource(ref block, 0, 0.1f, 0.05f, 0.8f, VoiceSourceKind.Wave);
        status.Publish(block);
        using var plugin = new ClapTestPlugin(bundle.Module);
        using var editor = new ClapEditorHost(plugin);
        editor.Open();
        var read = (delegate* unmanaged<EditorDiagnosticsData*, int, int>)bundle.Module.Export("HapticShm_EditorDiagnostics");
        EditorDiagnosticsData before, after;
        Assert.Equal(0, read(&before, 0));
        var clock = Stopwatch.StartNew();
        editor.Frames(1000);
        Assert.Equal(0, read(&after, 0));
        output.WriteLine($"CLAP: 1000 frames of {ClapEditorHost.Width} x {ClapEditorHost.Height} in {clock.ElapsedMilliseconds} ms (incl. XPutImage): frame median {after.FrameNsMedian / 1e6:F2} ms, max {after.FrameNsMax / 1e6:F2} ms, {after.FrameAllocatedBytes} bytes allocated after the first frame");
        Assert.True(after.Frames >= 1000, $"{after.Frames} frames recorded since the window opened");
        Assert.Equal(0, after.FrameAllocatedBytes);
    }

    [Fact]
    public void ResizeAndScale_AdjustSizeClamps_SetSizeRedrawsTheGridAtTheNewSize()
    {
        using var status = FakeStatusWithGrid(bundle, out StatusBlock block);
        for (int i = 0; i < 32; i++) block.Levels[i] = i / 31f;
        status.Publish(block);
        using var plugin = new ClapTestPlugin(bundle.Module);
        using var editor = new ClapEditorHost(plugin);
        editor.X11.Resize(1200, 700);
        editor.Open();
        ClapPluginGui* gui = editor.Gui;
        Assert.Equal(1, gui->CanResize(plugin.Plugin));
        ClapGuiResizeHints hints;
        Assert.Equal(1, gui->GetResizeHints(plugin.Plugin, &hints));
        Assert.Equal((1, 1, 0), (hints.CanResizeHorizontally, hints.CanResizeVertically, hints.PreserveAspectRatio));
        uint width = 100, height = 50;
        Assert.Equal(1, gui->AdjustSize(plugin.Plugin, &width, &height));
        Assert.Equal(((uint)EditorSession.MinWidth, (uint)EditorSession.MinHeight), (width, height));

        Assert.Equal(1, gui->SetSize(plugin.Plugin, 900, 520));
        Assert.Equal(1, gui->GetSize(plugin.Plugin, &width, &height));
        Assert.Equal((900u, 520u), (width, height));
        editor.Frames(2);
        var model = new EditorViewModel(Environment.ProcessId);
        model.Resize(900, 520);
        model.Update(block, true, default, ParameterState.Defaults(), block.UpdatedNs);
        AssertCells(editor.X11.Capture(editor.EditorWindow, 900, 520), model, block, "at 900 x 520", 900, 1f);

        // HiDPI: at 1.25 the same logical 900 x 520 fills 1125 x 650 physical pixels.
        Assert.Equal(1, gui->SetScale(plugin.Plugin, 1.25));
        Assert.Equal(1, gui->GetSize(plugin.Plugin, &width, &height));
        Assert.Equal((1125u, 650u), (width, height));
        editor.Frames(2);
        AssertCells(editor.X11.Capture(editor.EditorWindow, 1125, 650), model, block, "at scale 1.25", 1125, 1.25f);
        Assert.Empty(plugin.Host.Violations);
    }

    [Fact]
    public void CreateSetParentDestroy_50Times_LeavesNoWindowTimerOrDescriptorBehind()
    {
        using var status = FakeStatusWithGrid(bundle, out _);
        using var plugin = new ClapTestPlugin(bundle.Module);
        using var editor = new ClapEditorHost(plugin);
        editor.Open();
        editor.Frames(2);
        editor.Close();
        int descriptors = Directory.GetFiles("/proc/self/fd").Length;

        for (int i = 0; i < 50; i++)
        {
            editor.Open();
            editor.Frames(1);
            editor.Close();
            Assert.Empty(editor.X11.Children());
        }

        output.WriteLine($"50 opens: descriptors {descriptors} -> {Directory.GetFiles("/proc/self/fd").Length}, host calls {plugin.Host.Calls.Count}");
        Assert.Empty(editor.X11.Children());
        Assert.Empty(plugin.Host.Timers);
        Assert.Empty(plugin.Host.Fds);
        Assert.InRange(Directory.GetFiles("/proc/self/fd").Length - descriptors, -8, 8); // 50 leaked X connections would be +50
        Assert.Equal(51, plugin.Host.Calls.Count(c => c == "timer-support.unregister_timer"));
        Assert.Empty(plugin.Host.Violations);
    }

    private (int Y, int[] Xs) DragPoints(EditorViewModel model)
    {
        PixelRect track = model.Layout.Track(WaveSpeedControl);
        return ((int)(track.Y + track.Height / 2),
            [(int)(track.X + 0.25f * track.Width), (int)(track.X + 0.5f * track.Width), (int)(track.X + 0.75f * track.Width)]);
    }

    private static double ExpectedPlain(EditorViewModel model, int x) => WaveSpeed.ToPlain(model.NormalizedAt(WaveSpeedControl, x));

    private static void AssertDragEvents(List<(ushort Type, uint ParamId, double Value)> pushed, EditorViewModel model, int[] xs)
    {
        uint id = ParameterIds.WaveSpeed;
        Assert.Equal(
            [(ClapEventHeader.ParamGestureBegin, id, double.NaN), (ClapEventHeader.ParamValue, id, ExpectedPlain(model, xs[0])),
             (ClapEventHeader.ParamValue, id, ExpectedPlain(model, xs[1])), (ClapEventHeader.ParamValue, id, ExpectedPlain(model, xs[2])),
             (ClapEventHeader.ParamGestureEnd, id, double.NaN)],
            pushed);
    }

    private static void AssertNoNullPointers(void* table, int size, string name)
    {
        for (int offset = 0; offset < size; offset += sizeof(nint))
            Assert.True(*(nint*)((byte*)table + offset) != 0, $"{name}: the function pointer at offset {offset} is null");
    }
}
