using System.Diagnostics;
using HapticShm.Plugin.Core.Editor;
using HapticShm.Plugin.Core.Parameters;
using HapticShm.Plugin.Drawing;
using HapticShm.Shared.Status;
using SkiaSharp;

namespace HapticShm.Plugin.Tests.Editor;

public sealed unsafe class EditorPainterTests(ITestOutputHelper output) : IDisposable
{
    private const int Width = 800, Height = 400;
    private static readonly string FontPath = Path.Combine(AppContext.BaseDirectory, "Editor", "DejaVuSans.ttf");
    private readonly EditorViewModel _model = CreateModel();
    private readonly EditorPainter _painter = new(FontPath);
    private readonly double[] _values = ParameterState.Defaults();
    private readonly EditorConnectionInput _attached = new(true, 1, null, 0);

    private static EditorViewModel CreateModel()
    {
        var model = new EditorViewModel(Environment.ProcessId);
        model.Resize(Width, Height);
        return model;
    }

    [Fact]
    public void Draw_ColoursEachCellByItsLevel()
    {
        _painter.Resize(Width, Height);
        long now = TestStatus.Now();
        StatusBlock block = TestStatus.Grid(now);
        for (int i = 0; i < 32; i++) block.Levels[i] = i / 31f;
        _model.Update(block, true, _attached, _values, now);

        _painter.Draw(_model);

        for (int i = 0; i < 32; i++)
        {
            SKColor expected = EditorColors.Level(i / 31f);
            SKColor actual = PixelAt(_model.Transform.PixelX(_model.TransducerX[i]), _model.Transform.PixelY(_model.TransducerY[i]));
            AssertClose(expected, actual, $"cell {i}");
        }
        Assert.NotEqual(PixelAt(CellX(0), CellY(0)), PixelAt(CellX(31), CellY(31)));
    }

    [Fact]
    public void Draw_MarksEachVoiceSourceAndShowsTheConnection()
    {
        _painter.Resize(Width, Height);
        long now = TestStatus.Now();
        StatusBlock block = TestStatus.Grid(now);
        TestStatus.SetSource(ref block, 0, 0.05f, 0.05f, 0.5f, VoiceSourceKind.Wave); // on transducer 9
        _model.Update(block, true, _attached, _values, now);
        _painter.Draw(_model);

        SKColor centre = PixelAt(CellX(9), CellY(9));
        Assert.True(centre.Red > 200 && centre.Green > 200 && centre.Blue > 200, $"the source's cross is drawn white on cell 9, got {centre}");
        AssertClose(EditorColors.Level(0), PixelAt(CellX(10), CellY(10)), "a cell without a source");
        AssertClose(EditorColors.Connection(EditorConnectionState.Connected), ConnectionDot(), "connection dot");

        _model.Update(block, true, _attached, _values, now + 1_000_000_000);
        _painter.Draw(_model);
        AssertClose(EditorColors.Connection(EditorConnectionState.ServerHung), ConnectionDot(), "connection dot of a hung server");
    }

    [Fact]
    public void Draw_SliderFillFollowsTheParameter()
    {
        _painter.Resize(Width, Height);
        long now = TestStatus.Now();
        _values[0] = 0.25;
        _model.Update(TestStatus.Grid(now), true, _attached, _values, now);
        _painter.Draw(_model);
        PixelRect track = _model.Layout.Track(0);
        float y = track.Y + track.Height / 2;
        AssertClose(EditorColors.Fill, PixelAt(track.X + track.Width * 0.2f, y), "filled part");
        AssertClose(EditorColors.Track, PixelAt(track.X + track.Width * 0.3f, y), "empty part");
    }

    [Fact]
    public void Draw_AfterWarmUp_AllocatesNothingPerFrame()
    {
        _painter.Resize(Width, Height);
        long now = TestStatus.Now();
        StatusBlock block = TestStatus.Grid(now);
        for (int i = 0; i < 8; i++) TestStatus.SetSource(ref block, i, (i % 8) * 0.05f, 0.1f, 0.5f, i % 3 == 0 ? VoiceSourceKind.Standing : VoiceSourceKind.Wave);
        for (int i = 0; i < 20; i++)
        {
            _model.Update(block, true, _attached, _values, now);
            _painter.Draw(_model);
        }

        const int frames = 1000;
        var times = new double[frames];
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int frame = 0; frame < frames; frame++)
        {
            long start = Stopwatch.GetTimestamp();
            block.UpdatedNs = now + frame * 33_000_000L;
            for (int i = 0; i < 32; i++) block.Levels[i] = ((frame + i * 7) % 64) / 63f;
            block.Xruns = frame;
            _values[0] = (frame % 100) / 100.0;
            _model.Update(block, true, _attached, _values, block.UpdatedNs);
            _painter.Draw(_model);
            times[frame] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Array.Sort(times);
        output.WriteLine($"editor frame {Width} x {Height} (update + draw), {frames} frames: median {times[frames / 2]:F3} ms, p99 {times[frames * 99 / 100]:F3} ms, max {times[^1]:F3} ms; {allocated} bytes allocated ({(double)allocated / frames} per frame)");
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void EncodePng_WritesAScreenshot()
    {
        _painter.Resize(Width, Height);
        long now = TestStatus.Now();
        StatusBlock block = TestStatus.Grid(now);
        ref ClientStatus own = ref block.Client(0);
        (own.Active, own.Pid, own.Capacity, own.Pushed, own.Fill) = (1, Environment.ProcessId, 4096, 1234, 2);
        block.ActiveVoices = 2;
        // A wave starting left of centre: cells fall off with distance from its source.
        for (int i = 0; i < 32; i++)
        {
            float dx = (i % 8) * 0.05f - 0.1f, dy = (i / 8) * 0.05f - 0.05f;
            block.Levels[i] = Math.Clamp(0.025f / Math.Max(0.025f, MathF.Sqrt(dx * dx + dy * dy)), 0, 1);
        }
        TestStatus.SetSource(ref block, 0, 0.1f, 0.05f, 0.8f, VoiceSourceKind.Wave);
        TestStatus.SetSource(ref block, 1, 0.175f, 0.075f, 0.3f, VoiceSourceKind.Standing);
        _values[0] = PluginParameters.All[0].ToNormalized(150);
        _model.Update(block, true, _attached, _values, now);
        _painter.Draw(_model);

        byte[] png = _painter.EncodePng();
        string path = Environment.GetEnvironmentVariable("HAPTICSHM_EDITOR_PNG") is { Length: > 0 } target ? target : Path.Combine(AppContext.BaseDirectory, "editor.png");
        File.WriteAllBytes(path, png);
        output.WriteLine($"editor screenshot: {path} ({png.Length} bytes)");
        Assert.Equal(0x89, png[0]);
        Assert.Equal((byte)'P', png[1]);
        using SKBitmap decoded = SKBitmap.Decode(png);
        Assert.Equal(Width, decoded.Width);
        AssertClose(EditorColors.Level(block.Levels[31]), decoded.GetPixel((int)CellX(31), (int)CellY(31)), "cell 31 in the PNG");
    }

    private float CellX(int i) => _model.Transform.PixelX(_model.TransducerX[i]);

    private float CellY(int i) => _model.Transform.PixelY(_model.TransducerY[i]);

    private SKColor ConnectionDot()
    {
        PixelRect header = _model.Layout.Header;
        return PixelAt(header.X + 10, header.Y + 4 + MathF.Ceiling(13 * 1.2f) / 2);
    }

    private SKColor PixelAt(float x, float y)
    {
        uint bgra = _painter.Pixels[(int)y * _painter.Width + (int)x];
        return new SKColor((byte)(bgra >> 16), (byte)(bgra >> 8), (byte)bgra, (byte)(bgra >> 24));
    }

    private static void AssertClose(SKColor expected, SKColor actual, string what)
    {
        bool close = Math.Abs(expected.Red - actual.Red) <= 2 && Math.Abs(expected.Green - actual.Green) <= 2 && Math.Abs(expected.Blue - actual.Blue) <= 2;
        Assert.True(close, $"{what}: expected {expected}, got {actual}");
    }

    public void Dispose() => _painter.Dispose();
}
