using HapticShm.Plugin.Com;
using HapticShm.Plugin.Controller;
using HapticShm.Plugin.Interop;
using HapticShm.Plugin.Window;
using HapticShm.Plugin.Window.Windows;
using HapticShm.Plugin.Window.X11;

namespace HapticShm.Plugin.Editor;

/// <summary>
/// The VST3 IPlugView (slot 0) with IPlugViewContentScaleSupport (slot 1): a thin adapter over
/// <see cref="X11EditorWindow"/> (X11EmbedWindowID, the host's IRunLoop from its IPlugFrame) or
/// <see cref="Win32EditorWindow"/> (HWND). The window and its session exist between attached and
/// removed; size and scale live here so getSize answers before and after.
/// </summary>
internal sealed unsafe class HapticPlugView : ComObject
{
    public const int ViewSlot = 0;
    public const int ScaleSlot = 1;
    public const string X11Type = "X11EmbedWindowID";
    public const string HwndType = "HWND";

    private readonly HapticController _controller;
    private readonly string _fontPath;
    private void* _frame; // not counted: the host keeps it alive while it is set (as VSTGUI does)
    private HostRunLoop? _runLoop;
    private X11EditorWindow? _x11;
    private Win32EditorWindow? _win32;

    public HapticPlugView(HapticController controller, string fontPath) : base([(nint)PlugViewExports.ViewVtbl, (nint)PlugViewExports.ScaleVtbl])
    {
        _controller = controller;
        _controller.AddRef(); // the view may outlive the host's own reference for a moment
        _fontPath = fontPath;
    }

    /// <summary>Physical size in pixels.</summary>
    public int Width { get; private set; } = EditorSession.DefaultWidth;

    public int Height { get; private set; } = EditorSession.DefaultHeight;

    public float Scale { get; private set; } = 1f;

    /// <summary>Why the last attach failed (diagnostics).</summary>
    public string? LastError { get; private set; }

    private EditorSession? Session => _x11?.Session ?? _win32?.Session;

    public static bool IsPlatformTypeSupported(string type) =>
        OperatingSystem.IsLinux() ? type == X11Type : OperatingSystem.IsWindows() && type == HwndType;

    public void SetFrame(void* frame) => _frame = frame;

    public bool Attach(void* parent, string type)
    {
        if (Session is not null || parent == null || !IsPlatformTypeSupported(type)) return false;
        var session = new EditorSession(new ControllerEditorSource(_controller), _fontPath);
        session.SetScale(Scale);
        session.Resize(Width, Height);
        string? error;
        if (OperatingSystem.IsLinux())
        {
            _runLoop = _frame == null ? null : HostRunLoop.From(_frame);
            if (_runLoop is null)
            {
                error = "the host's IPlugFrame offers no Linux::IRunLoop";
            }
            else
            {
                _x11 = X11EditorWindow.TryOpen((nuint)parent, session, _runLoop, out error);
            }
        }
        else
        {
            _win32 = Win32EditorWindow.TryOpen((nint)parent, session, out error);
        }
        LastError = error;
        if (Session is not null) return true;
        session.Dispose();
        _runLoop?.Dispose();
        _runLoop = null;
        return false;
    }

    public void Remove()
    {
        _x11?.Dispose();
        _x11 = null;
        _win32?.Dispose();
        _win32 = null;
        _runLoop?.Dispose();
        _runLoop = null;
    }

    /// <summary>Clamps a proposed size to the smallest the editor takes at this scale.</summary>
    public (int Width, int Height) Constrain(int width, int height) => EditorSession.Constrain(width, height, Scale);

    public void Resize(int width, int height)
    {
        (Width, Height) = Constrain(width, height);
        _x11?.Resize(Width, Height);
        _win32?.Resize(Width, Height);
    }

    public void SetScale(float scale)
    {
        if (!float.IsFinite(scale) || scale <= 0) return;
        scale = Math.Clamp(scale, 0.5f, 4f);
        (int logicalWidth, int logicalHeight) = ((int)(Width / Scale), (int)(Height / Scale));
        Scale = scale;
        Session?.SetScale(scale);
        Resize((int)MathF.Round(logicalWidth * scale), (int)MathF.Round(logicalHeight * scale));
    }

    protected override int FindSlot(void* iid)
    {
        if (Iids.FUnknown.Matches(iid) || Iids.IPlugView.Matches(iid)) return ViewSlot;
        if (Iids.IPlugViewContentScaleSupport.Matches(iid)) return ScaleSlot;
        return -1;
    }

    protected override void OnFinalRelease()
    {
        Remove();
        _controller.Release();
    }
}
