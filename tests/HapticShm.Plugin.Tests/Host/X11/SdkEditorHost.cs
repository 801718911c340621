using System.Diagnostics;
using System.Text;
using HapticShm.Shared.Platform;

namespace HapticShm.Plugin.Tests.Host.X11;

/// <summary>
/// Steinberg's editorhost (<c>../shared/tools/vst3-editorhost</c>) running the private bundle on the
/// test's Xvfb: it opens the plugin's view in a top-level window of its own, embedding our child
/// window through XEmbed. The test finds our window (the one with <c>_XEMBED_INFO</c>), watches it
/// through <see cref="X11Desktop"/> and closes the host as a window manager would.
/// </summary>
internal sealed class SdkEditorHost : IDisposable
{
    public const string Tool = "vst3-editorhost";
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    public SdkEditorHost(PrivateBundle bundle, XvfbDisplay display, X11Desktop desktop)
    {
        Desktop = desktop;
        var info = new ProcessStartInfo(SharedTools.Require(Tool)) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("--componentHandler");
        info.ArgumentList.Add(bundle.BundlePath);
        info.Environment["DISPLAY"] = display.Name; // the test's setenv is not in .NET's copy of the environment
        info.Environment[RuntimePaths.OverrideVariable] = bundle.RuntimeDirectory;
        info.Environment["JACK_DEFAULT_SERVER"] = PrivateInstall.NoJackServer;
        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public X11Desktop Desktop { get; }

    /// <summary>Our editor's window inside editorhost's (once <see cref="WaitEmbedded"/> found it).</summary>
    public nuint EditorWindow { get; private set; }

    /// <summary>editorhost's top-level window.</summary>
    public nuint TopLevel { get; private set; }

    /// <summary>What editorhost printed on stdout and stderr so far.</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public bool HasExited => _process.HasExited;

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    /// <summary>Waits until a window with <c>_XEMBED_INFO</c> (flags XEMBED_MAPPED) is viewable
    /// inside editorhost's window; fails with editorhost's output when it exits first.</summary>
    public void WaitEmbedded(double seconds = 20)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                _process.WaitForExit();
                Assert.Fail($"editorhost exited with {_process.ExitCode} before our window was embedded; it printed:\n{Output}");
            }
            foreach (nuint window in Desktop.AllWindows())
            {
                // Ours carries _XEMBED_INFO; embedded once editorhost's XEMBED_EMBEDDED_NOTIFY made us set XEMBED_MAPPED.
                if (Desktop.ReadXEmbedInfo(window) is not { } info || (info.Flags & 1) == 0 || !Desktop.IsViewable(window)) continue;
                EditorWindow = window;
                TopLevel = Desktop.TopLevel(window);
                return;
            }
            Assert.True(clock.Elapsed.TotalSeconds < seconds, $"no embedded window after {seconds} s; editorhost printed:\n{Output}");
            Thread.Sleep(20);
        }
    }

    /// <summary>What the screen shows where our window is.</summary>
    public uint[] Capture(out int width, out int height)
    {
        (int x, int y, width, height) = Desktop.ScreenRect(EditorWindow);
        return Desktop.CaptureScreen(x, y, width, height);
    }

    /// <summary>Captures until <paramref name="condition"/> holds of one (editorhost's run loop draws on its own timer).</summary>
    public uint[] CaptureUntil(Func<uint[], int, bool> condition, string what, double seconds = 10)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            Assert.False(_process.HasExited, $"editorhost exited while waiting for {what}; it printed:\n{Output}");
            uint[] pixels = Capture(out int width, out _);
            if (condition(pixels, width)) return pixels;
            Assert.True(clock.Elapsed.TotalSeconds < seconds, $"timed out after {seconds} s waiting for {what}");
            Thread.Sleep(30);
        }
    }

    /// <summary>Screen coordinates of pixel (x, y) of our window.</summary>
    public (int X, int Y) OnScreen(float x, float y)
    {
        (int left, int top, _, _) = Desktop.ScreenRect(EditorWindow);
        return (left + (int)x, top + (int)y);
    }

    /// <summary>A left-button drag through the points (window pixels), with real pointer events.</summary>
    public void Drag(params (float X, float Y)[] points)
    {
        for (int i = 0; i < points.Length; i++)
        {
            (int x, int y) = OnScreen(points[i].X, points[i].Y);
            Desktop.MovePointer(x, y);
            if (i == 0) Desktop.Button(1, press: true);
            Thread.Sleep(40); // a frame or so between the events, as a hand would
        }
        Desktop.Button(1, press: false);
    }

    /// <summary>Closes editorhost's window as a window manager would and waits for it to exit: its exit code.</summary>
    public int Close(double seconds = 20)
    {
        Desktop.RequestClose(TopLevel);
        Assert.True(_process.WaitForExit(TimeSpan.FromSeconds(seconds)), $"editorhost still runs {seconds} s after its window was closed; it printed:\n{Output}");
        _process.WaitForExit(); // drains the output
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }
        _process.Dispose();
    }
}
