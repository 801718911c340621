using System.Runtime.InteropServices;
using static HapticShm.Plugin.Window.Windows.Win32Api;

namespace HapticShm.Plugin.Window.Windows;

/// <summary>
/// The editor in a Win32 child window of the host's HWND: WM_TIMER draws a frame and invalidates,
/// WM_PAINT copies the painter's buffer with SetDIBitsToDevice, the left button drags (captured)
/// and clicks. Everything runs on the thread that created the window (the host's UI thread).
/// </summary>
public sealed unsafe class Win32EditorWindow : IDisposable
{
    private const nuint FrameTimer = 1;
    private static readonly Lock ClassLock = new();
    private static bool s_classRegistered;
    private readonly EditorSession _session;
    private GCHandle _self;
    private nint _hwnd;

    private Win32EditorWindow(EditorSession session) => _session = session;

    /// <summary>The editor behind the window.</summary>
    public EditorSession Session => _session;

    /// <summary>Opens the window inside <paramref name="parent"/>; null with <paramref name="error"/>
    /// when it cannot (the caller then disposes the session).</summary>
    public static Win32EditorWindow? TryOpen(nint parent, EditorSession session, out string? error)
    {
        var window = new Win32EditorWindow(session);
        error = window.Open(parent);
        if (error is null) return window;
        window.Close();
        return null;
    }

    private string? Open(nint parent)
    {
        nint instance = GetModuleHandleW(null);
        fixed (char* className = "HapticShmEditor")
        {
            lock (ClassLock)
            {
                if (!s_classRegistered)
                {
                    var windowClass = new WNDCLASSEXW { cbSize = (uint)sizeof(WNDCLASSEXW), style = CS_OWNDC, lpfnWndProc = &WindowProc, hInstance = instance, lpszClassName = className };
                    if (RegisterClassExW(&windowClass) == 0) return "RegisterClassExW failed";
                    s_classRegistered = true;
                }
            }
            _self = GCHandle.Alloc(this);
            _hwnd = CreateWindowExW(0, className, null, WS_CHILD | WS_VISIBLE | WS_CLIPCHILDREN, 0, 0, _session.PixelWidth, _session.PixelHeight, parent, 0, instance, null);
        }
        if (_hwnd == 0) return "CreateWindowExW failed";
        EditorDiagnostics.WindowCreated();
        SetWindowLongPtrW(_hwnd, GWLP_USERDATA, GCHandle.ToIntPtr(_self));
        _session.Frame();
        if (SetTimer(_hwnd, FrameTimer, EditorSession.FrameIntervalMs, null) == 0) return "SetTimer failed";
        return null;
    }

    /// <summary>Resizes the window and its buffers to the physical size (constrained).</summary>
    public void Resize(int width, int height)
    {
        _session.Resize(width, height);
        if (_hwnd == 0) return;
        _ = SetWindowPos(_hwnd, 0, 0, 0, _session.PixelWidth, _session.PixelHeight, SWP_NOMOVE | SWP_NOZORDER);
        _session.Frame();
        _ = InvalidateRect(_hwnd, null, 0);
    }

    [UnmanagedCallersOnly]
    private static nint WindowProc(nint hwnd, uint message, nint wParam, nint lParam)
    {
        try
        {
            nint self = GetWindowLongPtrW(hwnd, GWLP_USERDATA);
            if (self != 0 && GCHandle.FromIntPtr(self).Target is Win32EditorWindow window && window.Handle(message, lParam)) return 0;
        }
        catch
        {
            // Nothing may leave a window procedure into the host.
        }
        return DefWindowProcW(hwnd, message, wParam, lParam);
    }

    private bool Handle(uint message, nint lParam)
    {
        int x = (short)(lParam & 0xFFFF), y = (short)((lParam >> 16) & 0xFFFF);
        switch (message)
        {
            case WM_TIMER:
                FrameMeasure measure = EditorDiagnostics.Begin();
                _session.Frame();
                _ = InvalidateRect(_hwnd, null, 0);
                EditorDiagnostics.End(measure);
                return true;
            case WM_PAINT:
                Paint();
                return true;
            case WM_ERASEBKGND:
                return true; // the frame covers everything: no flicker
            case WM_LBUTTONDOWN:
                SetCapture(_hwnd);
                _session.Press(x, y);
                return true;
            case WM_MOUSEMOVE:
                _session.Move(x, y);
                return true;
            case WM_LBUTTONUP:
                _session.Release(x, y);
                _ = ReleaseCapture();
                return true;
            case WM_CAPTURECHANGED:
                _session.CancelDrag();
                return true;
            default:
                return false;
        }
    }

    private void Paint()
    {
        PAINTSTRUCT paint;
        nint dc = BeginPaint(_hwnd, &paint);
        var header = new BITMAPINFOHEADER
        {
            biSize = (uint)sizeof(BITMAPINFOHEADER),
            biWidth = _session.PixelWidth,
            biHeight = -_session.PixelHeight, // top-down rows, as the painter writes them
            biPlanes = 1,
            biBitCount = 32,
            biCompression = BI_RGB,
        };
        _ = SetDIBitsToDevice(dc, 0, 0, (uint)_session.PixelWidth, (uint)_session.PixelHeight, 0, 0, 0, (uint)_session.PixelHeight, (void*)_session.Pixels, &header, DIB_RGB_COLORS);
        _ = EndPaint(_hwnd, &paint);
    }

    private void Close()
    {
        _session.CancelDrag();
        if (_hwnd != 0)
        {
            _ = KillTimer(_hwnd, FrameTimer);
            SetWindowLongPtrW(_hwnd, GWLP_USERDATA, 0);
            _ = DestroyWindow(_hwnd);
            EditorDiagnostics.WindowDestroyed();
            _hwnd = 0;
        }
        if (_self.IsAllocated) _self.Free();
    }

    /// <summary>Destroys the window and closes the session.</summary>
    public void Dispose()
    {
        Close();
        _session.Dispose();
    }
}
