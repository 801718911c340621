using HapticShm.Plugin.Core.Editor;
using HapticShm.Plugin.Drawing;
using HapticShm.Shared;
using HapticShm.Shared.Platform;

namespace HapticShm.Plugin.Window;

/// <summary>
/// One open editor without its window: the view model, the painter, the status reader and the
/// pointer, sized in physical pixels with a content scale (HiDPI). A platform window calls
/// <see cref="Frame"/> from its timer and blits <see cref="Pixels"/>; a frame allocates nothing.
/// </summary>
public sealed class EditorSession : IDisposable
{
    /// <summary>Size a new editor opens at (logical pixels).</summary>
    public const int DefaultWidth = 760, DefaultHeight = 440;
    /// <summary>Smallest size the editor accepts (logical pixels).</summary>
    public const int MinWidth = 520, MinHeight = 340;
    /// <summary>Frames per second the windows ask their timers for (about 33).</summary>
    public const int FrameIntervalMs = 30;

    private readonly IEditorSource _source;
    private readonly EditorViewModel _model;
    private readonly EditorPainter _painter;
    private readonly StatusReader _reader;
    private readonly EditorPointer _pointer;
    private readonly EditorKeyboard _keyboard;

    /// <param name="source">The plugin behind the editor.</param>
    /// <param name="fontPath">The bundle's font (see <see cref="EditorAssets.FontPath"/>).</param>
    public EditorSession(IEditorSource source, string fontPath)
    {
        _source = source;
        _model = new EditorViewModel(Environment.ProcessId);
        _painter = new EditorPainter(fontPath);
        _reader = new StatusReader(source.StatusPath ?? RuntimePaths.StatusPath);
        _pointer = new EditorPointer(_model, source);
        _keyboard = new EditorKeyboard(_model, source);
        Resize(DefaultWidth, DefaultHeight);
    }

    /// <summary>Physical width of the pixel buffer.</summary>
    public int PixelWidth => _painter.Width;

    /// <summary>Physical height of the pixel buffer.</summary>
    public int PixelHeight => _painter.Height;

    /// <summary>Logical pixels to physical ones.</summary>
    public float Scale { get; private set; } = 1f;

    /// <summary>The last frame, BGRA premultiplied, <see cref="PixelWidth"/> per row (valid until the next resize).</summary>
    public nint Pixels => _painter.PixelAddress;

    /// <summary>The view model (tests and diagnostics).</summary>
    public EditorViewModel Model => _model;

    /// <summary>Whether a slider is being dragged.</summary>
    public bool IsDragging => _pointer.IsDragging;

    /// <summary>Clamps a physical size to the smallest the editor accepts at <paramref name="scale"/>.</summary>
    public static (int Width, int Height) Constrain(int width, int height, float scale) =>
        (Math.Max(width, (int)MathF.Ceiling(MinWidth * scale)), Math.Max(height, (int)MathF.Ceiling(MinHeight * scale)));

    /// <summary>Sets the physical size (reallocates the buffer when it changes).</summary>
    public void Resize(int width, int height)
    {
        (width, height) = Constrain(width, height, Scale);
        _painter.Resize(width, height);
        _model.Resize((int)(width / Scale), (int)(height / Scale));
    }

    /// <summary>Sets the content scale (1 = 96 dpi); the physical size grows with it.</summary>
    public void SetScale(float scale)
    {
        if (!float.IsFinite(scale) || scale <= 0) return;
        scale = Math.Clamp(scale, 0.5f, 4f);
        if (scale == Scale) return;
        int logicalWidth = (int)(PixelWidth / Scale), logicalHeight = (int)(PixelHeight / Scale);
        Scale = scale;
        Resize((int)MathF.Round(logicalWidth * scale), (int)MathF.Round(logicalHeight * scale));
    }

    /// <summary>Reads the status block, fills the view model, draws. Allocates nothing once open.</summary>
    public void Frame()
    {
        long now = MonotonicClock.NowNs();
        bool read = _reader.TryRead(now);
        _model.Update(_reader.Snapshot, read, _source.ReadConnection(), _source.Values, now);
        _painter.Draw(_model, Scale);
    }

    /// <summary>Left button down at physical pixel (x, y); a slider pressed takes the keyboard focus.</summary>
    public void Press(int x, int y)
    {
        _pointer.Press(x / Scale, y / Scale);
        if (_pointer.IsDragging) _keyboard.Focus(_pointer.DraggedControl);
    }

    /// <summary>Pointer moved to physical pixel (x, y).</summary>
    public void Move(int x, int y) => _pointer.Move(x / Scale, y / Scale);

    /// <summary>Left button up at physical pixel (x, y).</summary>
    public void Release(int x, int y) => _pointer.Release(x / Scale, y / Scale);

    /// <summary>The editor got or lost the keyboard focus (the ring on the focused slider shows it).</summary>
    public void SetKeyboardFocus(bool hasFocus) => _keyboard.SetFocus(hasFocus);

    /// <summary>The keyboard focus to the first (or, <paramref name="last"/>, the last) slider.</summary>
    public void FocusFirst(bool last = false) => _keyboard.Focus(last ? _model.Controls.Length - 1 : 0);

    /// <summary>A key went down: true when the editor used it. Ignored mid-drag.</summary>
    public bool Key(EditorKey key) => !_pointer.IsDragging && _keyboard.Key(key);

    /// <summary>Ends a drag in progress (the window closes or loses the pointer).</summary>
    public void CancelDrag() => _pointer.Cancel();

    public void Dispose()
    {
        _pointer.Cancel();
        _reader.Dispose();
        _painter.Dispose();
    }
}
