using System.Diagnostics;
using HapticShm.Plugin.Core.Editor;
using HapticShm.Plugin.Core.Parameters;
using HapticShm.Plugin.Core.Processing;
using HapticShm.Plugin.Drawing;
using HapticShm.Plugin.Interop;
using HapticShm.Plugin.Tests.Host;
using HapticShm.Plugin.Tests.Host.X11;
using HapticShm.Plugin.Tests.Native;
using HapticShm.Plugin.Window;
using HapticShm.Shared;
using HapticShm.Shared.Protocol;
using HapticShm.Shared.Status;
using SkiaSharp;
using static HapticShm.Plugin.Tests.Host.Interop.Vst;
using static HapticShm.Plugin.Tests.Host.X11.EditorChecks;

namespace HapticShm.Plugin.Tests.Editor;

/// <summary>
/// The published plugin's editor in a real X11 window under Xvfb: created through the controller's
/// createView, attached to the test host's top-level window, driven by the test's run loop,
/// captured with XGetImage. Every expected pixel position comes from a view model of the same size.
/// </summary>
[Collection(NativeHostCollection.Name)]
public sealed unsafe class EditorWindowTests(PrivateBundle bundle, XvfbDisplay display, ITestOutputHelper output) : IClassFixture<XvfbDisplay>
{
    private static readonly int WaveSpeedControl = ControlIndex(ParameterIds.WaveSpeed);

    [Fact]
    public void Grid_CellColoursFollowTheLevelsOfTheStatusBlock()
    {
        using var status = FakeStatusWithGrid(bundle, out StatusBlock block);
        for (int i = 0; i < 32; i++) block.Levels[i] = i / 31f;
        status.Publish(block);
        using var plugin = new PluginInstance(bundle.Module);
        using var editor = new EditorWindowHost(plugin, bundle.Module);
        editor.Open();
        EditorViewModel model = Model(block);

        editor.Frames(3);
        AssertCells(editor.Capture(), model, block, "levels rising along the grid");

        for (int i = 0; i < 32; i++) block.Levels[i] = (31 - i) / 31f;
        status.Publish(block);
        editor.Frames(2);
        AssertCells(editor.Capture(), model, block, "levels turned around");
        output.WriteLine($"display {display.Name}: 32 cells matched twice");
    }

    [Fact]
    public void WaveSpeed_DragGoesToTheHostAsOneEdit_AndAHostChangeMovesTheSlider()
    {
        using var status = FakeStatusWithGrid(bundle, out StatusBlock block);
        using var plugin = new PluginInstance(bundle.Module);
        using var editor = new EditorWindowHost(plugin, bundle.Module);
        editor.Open();
        editor.Frames(2);
        EditorViewModel model = Model(block);
        PixelRect track = model.Layout.Track(WaveSpeedControl);
        int y = (int)(track.Y + track.Height / 2);
        int[] xs = [(int)(track.X + 0.25f * track.Width), (int)(track.X + 0.5f * track.Width), (int)(track.X + 0.75f * track.Width)];

        editor.X11.Press(editor.EditorWindow, xs[0], y);
        editor.X11.Motion(editor.EditorWindow, xs[1], y);
        editor.X11.Release(editor.EditorWindow, xs[2], y);
        PumpUntil(editor.Frames, () => editor.Handler.Calls.Any(c => c.Call == "end"), "the drag's endEdit");

        double[] expected = [.. xs.Select(x => model.NormalizedAt(WaveSpeedControl, x))];
        Assert.Equal(
            [("begin", ParameterIds.WaveSpeed, double.NaN), ("perform", ParameterIds.WaveSpeed, expected[0]), ("perform", ParameterIds.WaveSpeed, expected[1]),
             ("perform", ParameterIds.WaveSpeed, expected[2]), ("end", ParameterIds.WaveSpeed, double.NaN)],
            editor.Handler.Calls);
        void* controller = plugin.Controller;
        Assert.Equal(expected[2], V<IEditControllerVtbl>(controller)->getParamNormalized(controller, ParameterIds.WaveSpeed));
        output.WriteLine($"wave speed drag: {string.Join(", ", editor.Handler.Calls)} ({PluginParameters.All[PluginParameters.IndexOf(ParameterIds.WaveSpeed)].ToPlain(expected[2]):F1} m/s)");

        // The slider ends at 0.75: 0.85 of its track is empty. The host automates it to 0.9: filled.
        editor.Frames(1);
        (float probeX, float probeY) = (track.X + 0.85f * track.Width, track.Y + track.Height / 2);
        AssertColour(EditorColors.Track, EditorWindowHost.At(editor.Capture(), probeX, probeY), "the track beyond the dragged value");
        Assert.Equal(VstResult.kResultOk, V<IEditControllerVtbl>(controller)->setParamNormalized(controller, ParameterIds.WaveSpeed, 0.9));
        editor.Frames(1);
        AssertColour(EditorColors.Fill, EditorWindowHost.At(editor.Capture(), probeX, probeY), "the track after the host set 0.9");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // component and controller connected through host proxies, as the SDK's PlugProvider does
    public void ClickOnTheArray_PushesATestPulseWhoseSourceIsWhereTheClickLanded(bool throughProxies)
    {
        using var status = FakeStatusWithGrid(bundle, out StatusBlock block);
        using var ring = new TempRing();
        ring.OfferToPlugin();
        using var plugin = new PluginInstance(bundle.Module, throughProxies);
        plugin.Setup(48000, 64, ProcessData.kSample32);
        plugin.Start();
        using var idle = new ProcessCall(64, ProcessData.kSample32);
        Assert.Equal(VstResult.kResultOk, idle.Run(plugin.Processor, out _));
        ring.Drain(); // the initial parameter burst
        using var editor = new EditorWindowHost(plugin, bundle.Module);
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
            Assert.Equal(VstResult.kResultOk, idle.Run(plugin.Processor, out _));
            commands.AddRange(ring.Drain());
            return commands.Any(c => c.Kind == CommandKind.NoteOff && c.NoteId == PluginProcessor.TestPulseNoteId);
        }, "the click's note-on and note-off in the ring");
        plugin.Stop();

        Command on = Assert.Single(commands, c => c.Kind == CommandKind.NoteOn);
        Assert.Equal(PluginProcessor.TestPulseNoteId, on.NoteId);
        Assert.Equal(hit.PitchBend, on.PitchBend);
        Assert.Equal(hit.Timbre, on.Timbre);
        Assert.Equal(0.8f, on.Velocity);
        // Read back through the source area: the pulse's wave starts where the click landed.
        output.WriteLine($"click at pixel ({x}, {y}) = ({hit.X:F4}, {hit.Y:F4}) m: bend {on.PitchBend:F4}, timbre {on.Timbre:F4}");
        Assert.Equal(0.27f, hit.X, 2);
        Assert.Equal(0.06f, hit.Y, 2);
        Assert.Equal(13, hit.Transducer);
    }

    [Fact]
    public void ConnectionLine_LeavesConnectedWhenTheServerIsKilled_AndComesBack()
    {
        using var plugin = bundle.ActivateWithLaunchedServer(64, out StatusBlock connected);
        using var idle = new ProcessCall(64, ProcessData.kSample32);
        using var editor = new EditorWindowHost(plugin, bundle.Module);
        editor.Open();
        SKColor green = EditorColors.Connection(EditorConnectionState.Connected);
        var seen = new List<SKColor>();
        SKColor Dot()
        {
            Assert.Equal(VstResult.kResultOk, idle.Run(plugin.Processor, out _));
            editor.Frames(1);
            SKColor dot = EditorWindowHost.At(editor.Capture(), EditorLayout.Margin + 10, EditorLayout.Margin + 12);
            if (seen.Count == 0 || seen[^1] != dot) seen.Add(dot);
            return dot;
        }
        PumpUntil(editor.Frames, () => Close(Dot(), green), "the editor showing Connected");
        int firstServer = connected.ServerPid;

        Signals.Kill(firstServer);
        PumpUntil(editor.Frames, () => !Close(Dot(), green), "the editor showing the server gone");
        PumpUntil(editor.Frames, () => Close(Dot(), green), "the editor showing the relaunched server", seconds: 30);
        Assert.NotEqual(firstServer, bundle.WaitStatus(b => b.ServerPid != firstServer, "a new server").ServerPid);
        output.WriteLine($"connection dot colours: {string.Join(" -> ", seen)}");
        plugin.Stop();
    }

    [Fact]
    public void TwoInstancesInOneHost_EachEditorShowsItsOwnRing()
    {
        using var busy = bundle.ActivateWithLaunchedServer(64, out _);
        using var quiet = new PluginInstance(bundle.Module);
        quiet.Setup(48000, 64, ProcessData.kSample32);
        quiet.Start();
        bundle.WaitStatus(b => PrivateBundle.OurClients(b).Count == 2, "both instances connected");
        using (var notes = new ProcessCall(64, ProcessData.kSample32))
        {
            for (int i = 0; i < 20; i++)
            {
                notes.Events.Events.Clear();
                notes.Events.NoteOn(0, 1, 40 + i, 0.3f, noteId: i);
                notes.Events.NoteOff(32, 1, 40 + i, noteId: i);
                Assert.Equal(VstResult.kResultOk, notes.Run(busy.Processor, out _));
            }
        }
        bundle.WaitStatus(b => PrivateBundle.OurClients(b).Select(c => c.Pushed).Distinct().Count() == 2, "the two rings' pushed counts differ");
        using var busyEditor = new EditorWindowHost(busy, bundle.Module);
        using var quietEditor = new EditorWindowHost(quiet, bundle.Module);
        busyEditor.Open();
        quietEditor.Open();
        busyEditor.Frames(2);
        quietEditor.Frames(2);

        // The third header line is the ring's; both share a pid, so a pick by pid would show the same entry twice.
        uint[] busyPixels = busyEditor.Capture(), quietPixels = quietEditor.Capture();
        int differing = 0;
        for (int y = 46; y < 57; y++)
            for (int x = 30; x < 400; x++)
                if (busyPixels[y * EditorWindowHost.Width + x] != quietPixels[y * EditorWindowHost.Width + x]) differing++;
        output.WriteLine($"ring lines differ in {differing} pixels; pushed: {string.Join(", ", PrivateBundle.OurClients(bundle.WaitStatus(_ => true, "a status")).Select(c => c.Pushed))}");
        Assert.True(differing > 0, "both editors show the same ring line");
        busyEditor.Close();
        quietEditor.Close();
        quiet.Stop();
        busy.Stop();
    }

    [Fact]
    public void Frames_AllocateNothing_AndTheirTimesArePrinted()
    {
        using var status = FakeStatusWithGrid(bundle, out StatusBlock block);
        for (int i = 0; i < 32; i++) block.Levels[i] = (i % 5) / 4f;
        TestStatus.SetSource(ref block, 0, 0.1f, 0.05f, 0.8f, VoiceSourceKind.Wave);
        status.Publish(block);
        using var plugin = new PluginInstance(bundle.Module);
        using var editor = new EditorWindowHost(plugin, bundle.Module);
        editor.Open();
        var clock = Stopwatch.StartNew();
        editor.Frames(1000);
        EditorDiagnosticsData diagnostics = editor.Diagnostics();
        output.WriteLine($"1000 frames of {EditorWindowHost.Width} x {EditorWindowHost.Height} in {clock.ElapsedMilliseconds} ms (incl. XPutImage): frame median {diagnostics.FrameNsMedian / 1e6:F2} ms, max {diagnostics.FrameNsMax / 1e6:F2} ms, {diagnostics.FrameAllocatedBytes} bytes allocated after the first frame");
        Assert.True(diagnostics.Frames >= 1000, $"{diagnostics.Frames} frames recorded");
        Assert.Equal(0, diagnostics.FrameAllocatedBytes);
        Assert.Equal((ulong)EditorSession.FrameIntervalMs, editor.Frame.TimerIntervalMs);
    }

    [Fact]
    public void AttachAndRemove_100Times_LeavesNoWindowDescriptorOrHeapBehind()
    {
        using var status = FakeStatusWithGrid(bundle, out _);
        using var plugin = new PluginInstance(bundle.Module);
        using var editor = new EditorWindowHost(plugin, bundle.Module);
        editor.Open();
        editor.Frames(2);
        editor.Close();
        EditorDiagnosticsData before = editor.Diagnostics(collect: true);
        int descriptors = OpenDescriptors();
        long resident = ResidentBytes();

        for (int i = 0; i < 100; i++)
        {
            editor.Open();
            editor.Frames(2);
            editor.Close();
        }

        EditorDiagnosticsData after = editor.Diagnostics(collect: true);
        output.WriteLine($"100 opens: plugin GC heap {before.GcHeapBytes} -> {after.GcHeapBytes} bytes, descriptors {descriptors} -> {OpenDescriptors()}, resident {resident / 1024} -> {ResidentBytes() / 1024} KiB, windows created {after.WindowsCreated - before.WindowsCreated}");
        Assert.Empty(editor.X11.Children());
        Assert.Equal(0, after.OpenWindows);
        Assert.Equal(100, after.WindowsCreated - before.WindowsCreated);
        Assert.Equal(after.WindowsCreated, after.WindowsDestroyed);
        Assert.False(editor.Frame.HasEventHandler || editor.Frame.HasTimer, "a handler is still registered with the run loop");
        Assert.InRange(OpenDescriptors() - descriptors, -8, 8); // 100 leaked X connections would be +100
        Assert.InRange(after.GcHeapBytes - before.GcHeapBytes, long.MinValue, 1 << 20);
        Assert.InRange(ResidentBytes() - resident, long.MinValue, 64L << 20); // 100 leaked frame buffers: +128 MiB
    }

    [Fact]
    public void ResizeAndContentScale_RedrawTheGridAtTheNewSize()
    {
        using var status = FakeStatusWithGrid(bundle, out StatusBlock block);
        for (int i = 0; i < 32; i++) block.Levels[i] = i / 31f;
        status.Publish(block);
        using var plugin = new PluginInstance(bundle.Module);
        using var editor = new EditorWindowHost(plugin, bundle.Module);
        editor.X11.Resize(1000, 600);
        editor.Open();
        IPlugViewVtbl* vtbl = V<IPlugViewVtbl>(editor.View);
        Assert.Equal(VstResult.kResultTrue, vtbl->canResize(editor.View));
        var tiny = new ViewRect { right = 100, bottom = 50 };
        Assert.Equal(VstResult.kResultTrue, vtbl->checkSizeConstraint(editor.View, &tiny));
        Assert.Equal((EditorSession.MinWidth, EditorSession.MinHeight), (tiny.Width, tiny.Height));

        var larger = new ViewRect { right = 900, bottom = 520 };
        Assert.Equal(VstResult.kResultOk, vtbl->onSize(editor.View, &larger));
        Assert.Equal((900, 520), (editor.Size().Width, editor.Size().Height));
        editor.Frames(2);
        var model = new EditorViewModel(Environment.ProcessId);
        model.Resize(900, 520);
        model.Update(block, true, default, ParameterState.Defaults(), block.UpdatedNs);
        AssertCells(editor.Capture(900, 520), model, block, "at 900 x 520", 900, 1f);

        // HiDPI: at 1.25 the same logical 900 x 520 fills 1125 x 650 physical pixels.
        void* scaleSupport = Query(editor.View, Iids.IPlugViewContentScaleSupport);
        Assert.Equal(VstResult.kResultOk, V<IPlugViewContentScaleSupportVtbl>(scaleSupport)->setContentScaleFactor(scaleSupport, 1.25f));
        Release(scaleSupport);
        Assert.Equal((1125, 650), (editor.Size().Width, editor.Size().Height));
        editor.X11.Resize(1200, 700);
        editor.Frames(2);
        AssertCells(editor.Capture(1125, 650), model, block, "at scale 1.25", 1125, 1.25f);
    }

    [Fact]
    public void Attached_WithoutAnXDisplay_FailsCleanly()
    {
        using var status = FakeStatusWithGrid(bundle, out _);
        using var plugin = new PluginInstance(bundle.Module);
        using var editor = new EditorWindowHost(plugin, bundle.Module);
        int before = editor.Diagnostics().OpenWindows;
        Assert.Equal(0, Host.Interop.Libc.setenv("DISPLAY", ":1999", 1)); // nothing listens there
        try
        {
            Assert.Equal(VstResult.kResultFalse, editor.TryOpen());
        }
        finally
        {
            Assert.Equal(0, Host.Interop.Libc.setenv("DISPLAY", display.Name, 1));
        }
        Assert.Empty(editor.X11.Children());
        Assert.False(editor.Frame.HasEventHandler || editor.Frame.HasTimer, "a failed attach left a handler registered");
        Assert.Equal(before, editor.Diagnostics().OpenWindows);
        editor.Close();
        editor.Open(); // the same view attaches once a display is there
        editor.Frames(1);
    }

    [Fact]
    public void Attached_ToAWindowThatIsGone_FailsWithoutTakingTheHostDown()
    {
        using var status = FakeStatusWithGrid(bundle, out _);
        using var plugin = new PluginInstance(bundle.Module);
        using var editor = new EditorWindowHost(plugin, bundle.Module);
        // Xlib's default error handler would exit this process on the BadWindow this causes.
        Assert.Equal(VstResult.kResultFalse, editor.TryOpen(parent: 0x3FFFFFF));
        Assert.False(editor.Frame.HasEventHandler || editor.Frame.HasTimer, "a failed attach left a handler registered");
        editor.Close();
        editor.Open();
        editor.Frames(1);
        Assert.Single(editor.X11.Children());
    }

    [Fact]
    public void Demo_OnALiveServer_ShowsLevelsAndSources_AndSavesAScreenshot()
    {
        using var plugin = bundle.ActivateWithLaunchedServer(64, out _);
        using var editor = new EditorWindowHost(plugin, bundle.Module);
        editor.Open();
        using var play = new ProcessCall(64, ProcessData.kSample32);
        play.Events.NoteOn(0, 2, 60, 0.48f, noteId: 5); // below 64: a travelling wave, bent right
        play.Events.Expression(0, NoteExpressionTypeInfo.kTuningTypeID, 5, 0.5 + 24.0 / 240.0);
        play.Events.NoteOn(0, 3, 64, 0.42f, noteId: 6); // another, bent left
        play.Events.Expression(0, NoteExpressionTypeInfo.kTuningTypeID, 6, 0.5 - 36.0 / 240.0);
        using var idle = new ProcessCall(64, ProcessData.kSample32);
        Assert.Equal(VstResult.kResultOk, play.Run(plugin.Processor, out _));
        var model = new EditorViewModel(Environment.ProcessId);
        model.Resize(EditorWindowHost.Width, EditorWindowHost.Height);
        uint[] pixels = [];
        Stopwatch? sounding = null; // past the 100 ms attack before the picture is taken
        PumpUntil(editor.Frames, () =>
        {
            Assert.Equal(VstResult.kResultOk, idle.Run(plugin.Processor, out _));
            if (!bundle.TryReadStatus(out StatusBlock live) || live.VoiceSourceCount < 2) return false;
            sounding ??= Stopwatch.StartNew();
            if (sounding.ElapsedMilliseconds < 300) return false;
            model.Update(live, true, default, ParameterState.Defaults(), MonotonicClock.NowNs());
            editor.Frames(1);
            pixels = editor.Capture();
            return true;
        }, "both notes sounding on the server");
        string path = Environment.GetEnvironmentVariable("HAPTICSHM_EDITOR_WINDOW_PNG") is { Length: > 0 } target ? target : Path.Combine(AppContext.BaseDirectory, "editor-window.png");
        EditorWindowHost.SavePng(pixels, path);
        output.WriteLine($"editor screenshot: {path}");
        AssertColour(EditorColors.Connection(EditorConnectionState.Connected), EditorWindowHost.At(pixels, EditorLayout.Margin + 10, EditorLayout.Margin + 12), "the connection dot");
        int lit = 0;
        for (int i = 0; i < model.TransducerCount; i++)
        {
            SKColor cell = EditorWindowHost.At(pixels, model.Transform.PixelX(model.TransducerX[i]), model.Transform.PixelY(model.TransducerY[i]));
            if (cell != EditorColors.Level(0)) lit++;
        }
        Assert.True(lit >= 4, $"only {lit} cells show a level while two notes sound");
        plugin.Stop();
    }

    private static int OpenDescriptors() => Directory.GetFiles("/proc/self/fd").Length;

    private static long ResidentBytes()
    {
        foreach (string line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        return 0;
    }
}
