using static HapticShm.Plugin.Window.X11.X11Api;

namespace HapticShm.Plugin.Window.X11;

/// <summary>
/// The editor in an X11 child window of the host's window, on a Display connection of our own.
/// The host's run loop watches our connection's descriptor (input) and ticks our timer (a frame:
/// read, draw, XPutImage from the painter's buffer through an XImage made once per size). Every
/// call comes on the host's UI thread; no thread of ours talks to X.
/// </summary>
/// <remarks>
/// VST3's X11EmbedWindowID means XEmbed: the window carries <c>_XEMBED_INFO</c> from before it is
/// mapped (see <see cref="XEmbedClient"/> for its flags) and answers the embedder's <c>_XEMBED</c>
/// messages. Keys come as KeyPress events, ours once a click focused the window (as VSTGUI does)
/// or forwarded by the embedder; activation and focus from either side show the focused slider.
/// </remarks>
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
    private nuint _xembedInfoAtom, _xembedAtom;
    private readonly XEmbedClient _xembed = new();
    private bool _xFocus; // X's own input focus is on our window

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
        XSelectInput(_display, _window, (nint)(ExposureMask | ButtonPressMask | ButtonReleaseMask | PointerMotionMask | KeyPressMask | FocusChangeMask));
        fixed (byte* info = "_XEMBED_INFO\0"u8, message = "_XEMBED\0"u8)
        {
            _xembedInfoAtom = XInternAtom(_display, info, 0);
            _xembedAtom = XInternAtom(_display, message, 0);
        }
        // Before the map, and at the server before attached() returns: an embedder reads it as soon
        // as it sees the window created (editorhost exits when it is missing).
        WriteXEmbedInfo();
        XSync(_display, 0);
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
                case ButtonPress when *(uint*)(xevent + EventButtonOffset) == 1:
                    _session.Press(x, y);
                    TakeFocus(*(nuint*)(xevent + EventTimeOffset));
                    break;
                case ButtonRelease when *(uint*)(xevent + EventButtonOffset) == 1: _session.Release(x, y); break;
                case MotionNotify: _session.Move(x, y); break;
                case Expose: Blit(); break;
                case KeyPress:
                    _session.Key(X11Keys.Of(XLookupKeysym(xevent, 0), (*(uint*)(xevent + EventStateOffset) & ShiftMask) != 0));
                    break;
                case FocusIn or FocusOut:
                    int detail = *(int*)(xevent + FocusDetailOffset);
                    if (detail == NotifyInferior || detail == NotifyPointer) break;
                    _xFocus = type == FocusIn;
                    ShowFocus();
                    break;
                case ClientMessage when *(nuint*)(xevent + MessageTypeOffset) == _xembedAtom && *(int*)(xevent + MessageFormatOffset) == 32:
                    OnXEmbed((long*)(xevent + MessageDataOffset));
                    break;
            }
        }
    }

    // data.l[0] is the time, l[1] the message, l[2..4] its detail and data.
    private void OnXEmbed(long* data)
    {
        switch (_xembed.Receive(data[1], data[2], data[3], data[4]))
        {
            case XEmbedChange.Info:
                WriteXEmbedInfo();
                XMapWindow(_display, _window);
                XFlush(_display);
                break;
            case XEmbedChange.FocusFirst:
                _session.FocusFirst();
                ShowFocus();
                break;
            case XEmbedChange.FocusLast:
                _session.FocusFirst(last: true);
                ShowFocus();
                break;
            case XEmbedChange.Focus:
                ShowFocus();
                break;
        }
    }

    private void ShowFocus() => _session.SetKeyboardFocus(_xFocus || _xembed.HasFocus);

    private void WriteXEmbedInfo()
    {
        nint* info = stackalloc nint[2]; // format 32 travels as C longs through Xlib
        info[0] = (nint)XEmbedClient.ProtocolVersion;
        info[1] = (nint)_xembed.Flags;
        XChangeProperty(_display, _window, _xembedInfoAtom, _xembedInfoAtom, 32, PropModeReplace, (byte*)info, 2);
    }

    // A click takes the keyboard: the embedder is asked (XEMBED_REQUEST_FOCUS), and X's focus set on
    // our window so keys reach us from a host that does not forward them (editorhost, most DAWs).
    private void TakeFocus(nuint time)
    {
        if (_xembed.Embedder != 0)
        {
            byte* message = stackalloc byte[XEventBytes];
            new Span<byte>(message, XEventBytes).Clear();
            *(int*)message = ClientMessage;
            *(nuint*)(message + EventWindowOffset) = _xembed.Embedder;
            *(nuint*)(message + MessageTypeOffset) = _xembedAtom;
            *(int*)(message + MessageFormatOffset) = 32;
            long* data = (long*)(message + MessageDataOffset);
            data[0] = (long)time;
            data[1] = XEmbedClient.XEMBED_REQUEST_FOCUS;
            XSendEvent(_display, _xembed.Embedder, 0, (nint)NoEventMask, message);
        }
        XSetInputFocus(_display, _window, RevertToParent, time);
        XFlush(_display);
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
