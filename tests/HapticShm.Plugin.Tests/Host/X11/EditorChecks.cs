using System.Diagnostics;
using HapticShm.Plugin.Core.Editor;
using HapticShm.Plugin.Core.Parameters;
using HapticShm.Plugin.Core.Processing;
using HapticShm.Plugin.Drawing;
using HapticShm.Plugin.Tests.Editor;
using HapticShm.Shared;
using HapticShm.Shared.Status;
using SkiaSharp;

namespace HapticShm.Plugin.Tests.Host.X11;

/// <summary>
/// What the VST3 and CLAP editor-window tests share: a fake status block with the grid, the view
/// model the window should match, pixel checks against it, and a frame pump with a hang guard.
/// </summary>
internal static unsafe class EditorChecks
{
    /// <summary>No server of ours, and a fake status block with the 32-cell grid in the private runtime directory.</summary>
    public static FakeStatus FakeStatusWithGrid(PrivateInstall bundle, out StatusBlock block)
    {
        bundle.UseEnvironment();
        bundle.KillServers();
        block = TestStatus.Grid(MonotonicClock.NowNs());
        var status = new FakeStatus(bundle.RuntimeDirectory, Environment.ProcessId);
        status.Publish(block);
        return status;
    }

    /// <summary>The view model of an editor window of the default size showing <paramref name="block"/>.</summary>
    public static EditorViewModel Model(in StatusBlock block)
    {
        var model = new EditorViewModel(Environment.ProcessId);
        model.Resize(EditorWindowHost.Width, EditorWindowHost.Height);
        model.Update(block, true, default, ParameterState.Defaults(), block.UpdatedNs);
        return model;
    }

    public static int ControlIndex(uint id)
    {
        var model = new EditorViewModel(0);
        for (int i = 0; i < model.Controls.Length; i++)
            if (model.Controls[i].Parameter.Id == id) return i;
        throw new InvalidOperationException($"no control for parameter {id}");
    }

    public static void AssertCells(uint[] pixels, EditorViewModel model, StatusBlock block, string what, int width = EditorWindowHost.Width, float scale = 1f)
    {
        for (int i = 0; i < 32; i++)
        {
            SKColor actual = EditorWindowHost.At(pixels, scale * model.Transform.PixelX(model.TransducerX[i]), scale * model.Transform.PixelY(model.TransducerY[i]), width);
            AssertColour(EditorColors.Level(block.Levels[i]), actual, $"cell {i} at level {block.Levels[i]:F3} ({what})");
        }
    }

    /// <summary>Pixel (x, y) of a capture <paramref name="width"/> pixels wide.</summary>
    public static SKColor At(uint[] pixels, int width, float x, float y) => new(pixels[(int)y * width + (int)x]);

    public static bool Close(SKColor a, SKColor b) =>
        Math.Abs(a.Red - b.Red) <= 3 && Math.Abs(a.Green - b.Green) <= 3 && Math.Abs(a.Blue - b.Blue) <= 3;

    public static void AssertColour(SKColor expected, SKColor actual, string what) =>
        Assert.True(Close(expected, actual), $"{what}: expected {expected}, window shows {actual}");

    // Frames with a short sleep until the condition holds (events cross the X server; a server
    // relaunch takes real time); a hang guard, not a timing assertion.
    public static void PumpUntil(Action<int> frames, Func<bool> condition, string what, double seconds = 10)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed.TotalSeconds < seconds, $"timed out after {seconds} s waiting for {what}");
            frames(1);
            Thread.Sleep(10);
        }
    }
}
