using System.Runtime.InteropServices;

namespace HapticShm.Plugin.Tests.Host.X11;

/// <summary>
/// The test's view of the whole Xvfb screen while another program (Steinberg's editorhost) owns
/// the windows: the window tree, a window's XEmbed info and place on the screen, captures of the
/// root window, and real input through the XTEST extension (the pointer moves and the server
/// delivers the events as it would a user's). Constructing it interns <c>_XEMBED_INFO</c>, which
/// editorhost looks up only-if-exists; the atom lives while this connection is open.
/// </summary>
internal sealed unsafe partial class X11Desktop : IDisposable
{
    private const int ZPixmap = 2, MapStateViewable = 2, ClientMessage = 33;
    private readonly nint _display;
    private readonly nuint _root;

    public X11Desktop()
    {
        _display = XOpenDisplay(null);
        Assert.True(_display != 0, "cannot open the Xvfb display");
        _root = XDefaultRootWindow(_display);
        XEmbedInfo = Atom("_XEMBED_INFO");
        Assert.True(XQueryExtension(_display, "XTEST"u8, out _, out _, out _) != 0, "the X server has no XTEST extension");
    }

    public nuint XEmbedInfo { get; }

    public nuint Atom(string name)
    {
        byte[] bytes = System.Text.Encoding.ASCII.GetBytes(name + "\0");
        fixed (byte* b = bytes) return XInternAtom(_display, b, 0);
    }

    /// <summary>Every window below the root, depth first.</summary>
    public List<nuint> AllWindows()
    {
        _ = XSync(_display, 0);
        var windows = new List<nuint>();
        void Walk(nuint window)
        {
            foreach (nuint child in Children(window))
            {
                windows.Add(child);
                Walk(child);
            }
        }
        Walk(_root);
        return windows;
    }

    public nuint[] Children(nuint window) => QueryTree(window, out _);

    public nuint Parent(nuint window)
    {
        QueryTree(window, out nuint parent);
        return parent;
    }

    /// <summary>The ancestor of <paramref name="window"/> that is a child of the root.</summary>
    public nuint TopLevel(nuint window)
    {
        for (nuint parent = Parent(window); parent != _root && parent != 0; parent = Parent(window)) window = parent;
        return window;
    }

    /// <summary>The window's <c>_XEMBED_INFO</c> (version, flags), or null when it has none.</summary>
    public (long Version, long Flags)? ReadXEmbedInfo(nuint window)
    {
        nuint type;
        int format;
        nuint items, after;
        byte* data;
        if (XGetWindowProperty(_display, window, XEmbedInfo, 0, 2, 0, XEmbedInfo, &type, &format, &items, &after, &data) != 0) return null;
        try
        {
            if (type != XEmbedInfo || format != 32 || items < 2) return null;
            return (((long*)data)[0], ((long*)data)[1]);
        }
        finally
        {
            if (data != null) _ = XFree(data);
        }
    }

    /// <summary>Whether the window and all its ancestors are mapped; false once it is gone.</summary>
    public bool IsViewable(nuint window)
    {
        byte* attributes = stackalloc byte[256];
        return XGetWindowAttributes(_display, window, attributes) != 0 && *(int*)(attributes + 92) == MapStateViewable;
    }

    /// <summary>The window's inside on the screen: origin in root coordinates, width, height.</summary>
    public (int X, int Y, int Width, int Height) ScreenRect(nuint window)
    {
        byte* attributes = stackalloc byte[256];
        Assert.NotEqual(0, XGetWindowAttributes(_display, window, attributes));
        int x, y;
        nuint child;
        Assert.NotEqual(0, XTranslateCoordinates(_display, window, _root, 0, 0, &x, &y, &child));
        return (x, y, *(int*)(attributes + 8), *(int*)(attributes + 12));
    }

    /// <summary>What the screen shows in the rectangle (root window, so whatever is on top), 0xAARRGGBB, row after row.</summary>
    public uint[] CaptureScreen(int x, int y, int width, int height)
    {
        _ = XSync(_display, 0);
        nint image = XGetImage(_display, _root, x, y, (uint)width, (uint)height, ~0UL, ZPixmap);
        Assert.True(image != 0, "XGetImage of the root window failed");
        byte* data = *(byte**)((byte*)image + 16);
        int bytesPerLine = *(int*)((byte*)image + 44);
        var pixels = new uint[width * height];
        for (int row = 0; row < height; row++)
            for (int column = 0; column < width; column++) pixels[row * width + column] = *(uint*)(data + row * bytesPerLine + column * 4) | 0xFF000000;
        _ = XFree(data);
        _ = XFree((void*)image);
        return pixels;
    }

    /// <summary>Moves the pointer to screen pixel (x, y).</summary>
    public void MovePointer(int x, int y)
    {
        _ = XTestFakeMotionEvent(_display, -1, x, y, 0);
        _ = XSync(_display, 0);
    }

    public void Button(uint button, bool press)
    {
        _ = XTestFakeButtonEvent(_display, button, press ? 1 : 0, 0);
        _ = XSync(_display, 0);
    }

    /// <summary>Presses and releases the key of <paramref name="keysym"/> (XK_Right 0xff53...).</summary>
    public void Key(uint keysym)
    {
        uint keycode = XKeysymToKeycode(_display, keysym);
        Assert.True(keycode != 0, $"no keycode for keysym 0x{keysym:X}");
        _ = XTestFakeKeyEvent(_display, keycode, 1, 0);
        _ = XTestFakeKeyEvent(_display, keycode, 0, 0);
        _ = XSync(_display, 0);
    }

    /// <summary>Sends WM_PROTOCOLS / WM_DELETE_WINDOW to a top-level window, as a window manager's close button does.</summary>
    public void RequestClose(nuint topLevel)
    {
        byte* xevent = stackalloc byte[192];
        new Span<byte>(xevent, 192).Clear();
        *(int*)xevent = ClientMessage;
        *(nuint*)(xevent + 32) = topLevel;       // window
        *(nuint*)(xevent + 40) = Atom("WM_PROTOCOLS"); // message_type
        *(int*)(xevent + 48) = 32;              // format
        *(long*)(xevent + 56) = (long)Atom("WM_DELETE_WINDOW");
        Assert.NotEqual(0, XSendEvent(_display, topLevel, 0, 0, xevent));
        _ = XSync(_display, 0);
    }

    /// <summary>Sends an <c>_XEMBED</c> client message to <paramref name="window"/>, as an embedder does.</summary>
    public void SendXEmbed(nuint window, long message, long detail = 0, long data1 = 0, long data2 = 0)
    {
        byte* xevent = stackalloc byte[192];
        new Span<byte>(xevent, 192).Clear();
        *(int*)xevent = ClientMessage;
        *(nuint*)(xevent + 32) = window;
        *(nuint*)(xevent + 40) = Atom("_XEMBED");
        *(int*)(xevent + 48) = 32;
        long* data = (long*)(xevent + 56);
        (data[1], data[2], data[3], data[4]) = (message, detail, data1, data2); // data[0]: CurrentTime
        Assert.NotEqual(0, XSendEvent(_display, window, 0, 0, xevent));
        _ = XSync(_display, 0);
    }

    /// <summary>Sends a KeyPress of <paramref name="keysym"/> to <paramref name="window"/>, as an
    /// embedder forwards the keys its focused client should get.</summary>
    public void SendKey(nuint window, uint keysym)
    {
        byte* xevent = stackalloc byte[192];
        new Span<byte>(xevent, 192).Clear();
        *(int*)xevent = 2; // KeyPress
        *(nuint*)(xevent + 32) = window;
        *(nuint*)(xevent + 40) = _root;
        *(uint*)(xevent + 84) = XKeysymToKeycode(_display, keysym);
        *(int*)(xevent + 88) = 1; // same_screen
        Assert.NotEqual(0, XSendEvent(_display, window, 0, 1, xevent));
        _ = XSync(_display, 0);
    }

    private nuint[] QueryTree(nuint window, out nuint parent)
    {
        nuint rootReturn, parentReturn;
        nuint* children;
        uint count;
        if (XQueryTree(_display, window, &rootReturn, &parentReturn, &children, &count) == 0)
        {
            parent = 0;
            return [];
        }
        parent = parentReturn;
        var result = new nuint[count];
        for (int i = 0; i < count; i++) result[i] = children[i];
        if (children != null) _ = XFree(children);
        return result;
    }

    public void Dispose() => _ = XCloseDisplay(_display);

    private const string Lib = "libX11.so.6", Xtst = "libXtst.so.6";

    [LibraryImport(Lib)] private static partial nint XOpenDisplay(byte* name);
    [LibraryImport(Lib)] private static partial int XCloseDisplay(nint display);
    [LibraryImport(Lib)] private static partial nuint XDefaultRootWindow(nint display);
    [LibraryImport(Lib)] private static partial nuint XInternAtom(nint display, byte* name, int onlyIfExists);
    [LibraryImport(Lib)] private static partial int XQueryExtension(nint display, ReadOnlySpan<byte> name, out int opcode, out int firstEvent, out int firstError);
    [LibraryImport(Lib)] private static partial int XSync(nint display, int discard);
    [LibraryImport(Lib)] private static partial int XQueryTree(nint display, nuint window, nuint* root, nuint* parent, nuint** children, uint* count);
    [LibraryImport(Lib)] private static partial int XFree(void* data);
    [LibraryImport(Lib)] private static partial int XGetWindowProperty(nint display, nuint window, nuint property, nint offset, nint length, int delete, nuint type, nuint* actualType, int* actualFormat, nuint* items, nuint* bytesAfter, byte** data);
    [LibraryImport(Lib)] private static partial int XGetWindowAttributes(nint display, nuint window, void* attributes);
    [LibraryImport(Lib)] private static partial int XTranslateCoordinates(nint display, nuint source, nuint destination, int x, int y, int* destX, int* destY, nuint* child);
    [LibraryImport(Lib)] private static partial nint XGetImage(nint display, nuint drawable, int x, int y, uint width, uint height, ulong planeMask, int format);
    [LibraryImport(Lib)] private static partial int XSendEvent(nint display, nuint window, int propagate, nint mask, void* xevent);
    [LibraryImport(Lib)] private static partial byte XKeysymToKeycode(nint display, nuint keysym);
    [LibraryImport(Xtst)] private static partial int XTestFakeMotionEvent(nint display, int screen, int x, int y, nuint delay);
    [LibraryImport(Xtst)] private static partial int XTestFakeButtonEvent(nint display, uint button, int isPress, nuint delay);
    [LibraryImport(Xtst)] private static partial int XTestFakeKeyEvent(nint display, uint keycode, int isPress, nuint delay);
}
