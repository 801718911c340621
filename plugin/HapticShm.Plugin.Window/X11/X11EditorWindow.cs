using static HapticShm.Plugin.Window.X11.X11Api;

namespace HapticShm.Plugin.Window.X11;

/// <summary>
/// The editor in an X11 child window of the host's window, on a Display connection of our own.
/// The host's run loop watches our connection's descriptor (input) and ticks our timer (a frame:
/// read, draw, XPutImage from the painter's buffer through an XImage made once per size). Every
/// call comes on the host's UI thread; no thread of ours talks to X.
/// </summary>
public sealed unsafe class X11EditorWindow : IEditorRunLoopClient, IDisposable
{
    private readonly EditorSession _session;
    private readonly IEditorRunLoop _runLoop;
    private nint _display;
    private nuint _window;
    private nint _gc;
    private nint _image;
    private nint _visual;
    private int _depth;

    private X11EditorWindow(EditorSession session, IEditorRunLoop runLoop)
    {
        _session = session;
        _runLoop = runLoop;
    }

    /// <summary>The X window id (tests and diagnostics).</summary>
    public nuint WindowId => _window;

    /// <summary>The editor behind the window.</summary>
    public EditorSession Session => _session;

    /// <summary>Opens the window inside <paramref name="parent"/> (an XID of the host's). Null with
    /// <paramref name="error"/> when there is no libX11, no display or an unsupported visual;
    /// the session is then not owned by a window and the caller disposes it.</summary>
    public static X11EditorWindow? TryOpen(nuint parent, EditorSession session, IEditorRunLoop runLoop, out string? error)
    {
        if (!TryLoad())
        {
            error = "libX11.so.6 is not installed";
            return null;
        }
        var window = new X11EditorWindow(session, runLoop);
        error = window.Open(parent);
        if (error is null) return window;
        window.Close();
        return null;
    }

    private string? Open(nuint parent)
    {
        _display = XOpenDisplay(null);
        if (_display == 0) return "cannot open the X display (DISPLAY not set or refused)";
        X11ErrorTrap.Add(_display);
        // The child takes its parent's visual and depth (a host may use a 32-bit ARGB one): the
        // XImage must match them.
        byte* attributes = stackalloc byte[WindowAttributesBytes];
        if (XGetWindowAttributes(_display, parent, attributes) == 0) return $"the host's window 0x{parent:X} does not exist";
        _depth = *(int*)(attributes + AttributesDepthOffset);
        _visual = *(nint*)(attributes + AttributesVisualOffset);
        if (_depth != 24 && _depth != 32) return $"the host's window has depth {_depth}; the editor draws 24/32-bit colour";
        _window = XCreateSimpleWindow(_display, parent, 0, 0, (uint)_session.PixelWidth, (uint)_session.PixelHeight, 0, 0, 0);
        if (_window == 0) return "XCreateSimpleWindow failed";
        EditorDiagnostics.WindowCreated();
        XSelectInput(_display, _window, (nint)(ExposureMask | ButtonPressMask | ButtonReleaseMask | PointerMotionMask));
        _gc = XCreateGC(_display, _window, 0, null);
        CreateImage();
        XMapWindow(_display, _window);
        _session.Frame();
        Blit();
        if (!_runLoop.RegisterFd(XConnectionNumber(_display), this)) return "the host's run loop refused our X connection's descriptor";
        if (!_runLoop.RegisterTimer(EditorSession.FrameIntervalMs, this)) return "the host's run loop refused a timer";
        return null;
    }

    /// <summary>Resizes the window and its buffers to the physical size (constrained).</summary>
    public void Resize(int width, int height)
    {
        _session.Resize(width, height);
        if (_window == 0) return;
        XResizeWindow(_display, _window, (uint)_session.PixelWidth, (uint)_session.PixelHeight);
        DestroyImage();
        CreateImage();
        _session.Frame();
        Blit();
    }

    public void OnFdReady() => DrainEvents();

    public void OnTimer()
    {
        FrameMeasure measure = EditorDiagnostics.Begin();
        // Xlib may have queued events while reading a reply: drain here too, not only on the fd.
        DrainEvents();
        _session.Frame();
        Blit();
        EditorDiagnostics.End(measure);
    }

    private void DrainEvents()
    {
        if (_display == 0) return;
        byte* xevent = stackalloc byte[XEventBytes];
        while (XPending(_display) > 0)
        {
            XNextEvent(_display, xevent);
            int type = *(int*)xevent;
            int x = *(int*)(xevent + EventXOffset), y = *(int*)(xevent + EventYOffset);
            switch (type)
            {
                case ButtonPress when *(uint*)(xevent + EventButtonOffset) == 1: _session.Press(x, y); break;
                case ButtonRelease when *(uint*)(xevent + EventButtonOffset) == 1: _session.Release(x, y); break;
                case MotionNotify: _session.Move(x, y); break;
                case Expose: Blit(); break;
            }
        }
    }

    private void CreateImage()
    {
        _image = XCreateImage(_display, _visual, (uint)_depth, ZPixmap, 0, (byte*)_session.Pixels, (uint)_session.PixelWidth, (uint)_session.PixelHeight, 32, _session.PixelWidth * 4);
    }

    // The pixels belong to the painter: detach them before Xlib frees the XImage.
    private void DestroyImage()
    {
        if (_image == 0) return;
        *(byte**)((byte*)_image + ImageDataOffset) = null;
        XFree((void*)_image);
        _image = 0;
    }

    private void Blit()
    {
        if (_image == 0) return;
        XPutImage(_display, _window, _gc, _image, 0, 0, 0, 0, (uint)_session.PixelWidth, (uint)_session.PixelHeight);
        XFlush(_display);
    }

    private void Close()
    {
        _runLoop.UnregisterTimer();
        _runLoop.UnregisterFd();
        _session.CancelDrag();
        if (_display == 0) return;
        DestroyImage();
        if (_gc != 0) XFreeGC(_display, _gc);
        _gc = 0;
        if (_window != 0)
        {
            XDestroyWindow(_display, _window);
            EditorDiagnostics.WindowDestroyed();
        }
        _window = 0;
        XFlush(_display);
        XCloseDisplay(_display); // errors it flushes out still count as ours
        X11ErrorTrap.Remove(_display);
        _display = 0;
    }

    /// <summary>Unregisters from the run loop, destroys the window, closes the connection and the session.</summary>
    public void Dispose()
    {
        Close();
        _session.Dispose();
    }
}
