using HapticShm.Plugin.Clap.Interop;
using HapticShm.Plugin.Editor;
using HapticShm.Plugin.Window;
using HapticShm.Plugin.Window.Windows;
using HapticShm.Plugin.Window.X11;

namespace HapticShm.Plugin.Clap;

/// <summary>
/// The clap.gui of one instance, between gui.create and gui.destroy: embedded only ("x11" on Linux
/// over the host's timer / posix-fd support, "win32" on Windows), the same editor window as the
/// VST3's. The window exists from set_parent to destroy; size and scale live here so get_size
/// answers before and after. Sizes are physical pixels (CLAP: x11 and win32 are).
/// </summary>
internal sealed unsafe class ClapEditor : IDisposable
{
    private readonly ClapInstance _instance;
    private readonly string _fontPath;
    private readonly ClapHostRunLoop? _runLoop;
    private X11EditorWindow? _x11;
    private Win32EditorWindow? _win32;

    private ClapEditor(ClapInstance instance, string fontPath, ClapHostRunLoop? runLoop)
    {
        _instance = instance;
        _fontPath = fontPath;
        _runLoop = runLoop;
    }

    public int Width { get; private set; } = EditorSession.DefaultWidth;

    public int Height { get; private set; } = EditorSession.DefaultHeight;

    public float Scale { get; private set; } = 1f;

    /// <summary>The host's run loop (Linux), which on_timer / on_fd reach.</summary>
    public ClapHostRunLoop? RunLoop => _runLoop;

    /// <summary>Why the last set_parent failed (diagnostics).</summary>
    public string? LastError { get; private set; }

    private EditorSession? Session => _x11?.Session ?? _win32?.Session;

    /// <summary>The window api this platform embeds into.</summary>
    public static ReadOnlySpan<byte> PlatformApi => OperatingSystem.IsWindows() ? ClapWindow.ApiWin32 : ClapWindow.ApiX11;

    public static bool IsApiSupported(byte* api, bool floating) =>
        !floating && (OperatingSystem.IsLinux() || OperatingSystem.IsWindows()) && ClapIds.Matches(api, PlatformApi);

    /// <summary>gui.create: null (with <paramref name="error"/>) when the api is not ours, the
    /// editor's assets are missing or (Linux) the host lacks timer-support / posix-fd-support.</summary>
    public static ClapEditor? TryCreate(ClapInstance instance, byte* api, bool floating, out string? error)
    {
        if (!IsApiSupported(api, floating))
        {
            error = "only the embedded " + (OperatingSystem.IsWindows() ? "win32" : "x11") + " api is supported";
            return null;
        }
        ClapHostRunLoop? runLoop = null;
        if (OperatingSystem.IsLinux())
        {
            runLoop = ClapHostRunLoop.From(instance.Host, instance.HostTimers, instance.HostFds, out error);
            if (runLoop is null) return null;
        }
        string? fontPath = EditorModule.FontPath();
        if (fontPath is null)
        {
            error = EditorModule.Error;
            return null;
        }
        error = null;
        return new ClapEditor(instance, fontPath, runLoop);
    }

    /// <summary>gui.set_parent: opens the editor window inside the host's.</summary>
    public bool SetParent(ClapWindow* window)
    {
        if (window == null || window->Handle == null || !ClapIds.Matches(window->Api, PlatformApi)) return false;
        CloseWindow();
        var session = new EditorSession(new ClapEditorSource(_instance), _fontPath);
        session.SetScale(Scale);
        session.Resize(Width, Height);
        string? error;
        if (OperatingSystem.IsLinux()) _x11 = X11EditorWindow.TryOpen((nuint)window->Handle, session, _runLoop!, out error);
        else _win32 = Win32EditorWindow.TryOpen((nint)window->Handle, session, out error);
        LastError = error;
        if (Session is not null) return true;
        session.Dispose();
        return false;
    }

    /// <summary>gui.show / gui.hide: the embedded window shows with its parent; hidden, it stops drawing.</summary>
    public void SetVisible(bool visible)
    {
        if (_runLoop is not null) _runLoop.Paused = !visible;
    }

    /// <summary>Clamps a proposed size to the smallest the editor takes at this scale.</summary>
    public (int Width, int Height) Constrain(int width, int height) => EditorSession.Constrain(width, height, Scale);

    public void Resize(int width, int height)
    {
        (Width, Height) = Constrain(width, height);
        _x11?.Resize(Width, Height);
        _win32?.Resize(Width, Height);
    }

    public bool SetScale(double scale)
    {
        if (!double.IsFinite(scale) || scale <= 0) return false;
        float clamped = Math.Clamp((float)scale, 0.5f, 4f);
        (int logicalWidth, int logicalHeight) = ((int)(Width / Scale), (int)(Height / Scale));
        Scale = clamped;
        Session?.SetScale(clamped);
        Resize((int)MathF.Round(logicalWidth * clamped), (int)MathF.Round(logicalHeight * clamped));
        return true;
    }

    private void CloseWindow()
    {
        _x11?.Dispose();
        _x11 = null;
        _win32?.Dispose();
        _win32 = null;
    }

    /// <summary>gui.destroy: the window, its X connection and the run loop registrations go.</summary>
    public void Dispose()
    {
        CloseWindow();
        _runLoop?.UnregisterTimer();
        _runLoop?.UnregisterFd();
    }
}
