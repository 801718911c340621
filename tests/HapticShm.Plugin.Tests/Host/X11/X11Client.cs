using System.Runtime.InteropServices;

namespace HapticShm.Plugin.Tests.Host.X11;

/// <summary>
/// The test host's own X connection: a top-level window to embed the editor in, captures of its
/// pixels (XGetImage), synthetic mouse events sent to the editor's child window, and the child count.
/// </summary>
internal sealed unsafe partial class X11Client : IDisposable
{
    private const long StructureNotifyMask = 1L << 17;
    private const int ButtonPress = 4, ButtonRelease = 5, MotionNotify = 6, ZPixmap = 2;
    private readonly nint _display;

    public X11Client(int width, int height)
    {
        _display = XOpenDisplay(null);
        Assert.True(_display != 0, "cannot open the Xvfb display");
        nuint root = XDefaultRootWindow(_display);
        Window = XCreateSimpleWindow(_display, root, 0, 0, (uint)width, (uint)height, 0, 0, 0x000000);
        _ = XMapWindow(_display, Window);
        _ = XSync(_display, 0);
    }

    /// <summary>The host's window the editor goes into.</summary>
    public nuint Window { get; }

    public void Resize(int width, int height)
    {
        _ = XResizeWindow(_display, Window, (uint)width, (uint)height);
        _ = XSync(_display, 0);
    }

    /// <summary>Child windows of <see cref="Window"/> (the editor's, while attached).</summary>
    public nuint[] Children()
    {
        _ = XSync(_display, 0);
        nuint rootReturn, parentReturn;
        nuint* children;
        uint count;
        Assert.NotEqual(0, XQueryTree(_display, Window, &rootReturn, &parentReturn, &children, &count));
        var result = new nuint[count];
        for (int i = 0; i < count; i++) result[i] = children[i];
        if (children != null) _ = XFree(children);
        return result;
    }

    /// <summary>The pixels of <paramref name="window"/>, 0xAARRGGBB per pixel, row after row.</summary>
    public uint[] Capture(nuint window, int width, int height)
    {
        _ = XSync(_display, 0);
        nint image = XGetImage(_display, window, 0, 0, (uint)width, (uint)height, ~0UL, ZPixmap);
        Assert.True(image != 0, "XGetImage failed");
        byte* data = *(byte**)((byte*)image + 16);
        int bytesPerLine = *(int*)((byte*)image + 44);
        var pixels = new uint[width * height];
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++) pixels[y * width + x] = *(uint*)(data + y * bytesPerLine + x * 4) | 0xFF000000;
        _ = XFree(data);
        _ = XFree((void*)image);
        return pixels;
    }

    public void Press(nuint window, int x, int y) => SendButton(window, ButtonPress, x, y, StateNone);

    public void Motion(nuint window, int x, int y) => SendButton(window, MotionNotify, x, y, Button1Mask);

    public void Release(nuint window, int x, int y) => SendButton(window, ButtonRelease, x, y, Button1Mask);

    private const uint StateNone = 0, Button1Mask = 1 << 8;

    // Synthetic XButtonEvent / XMotionEvent (Xlib.h layout): type 0, window 32, x 64, y 68, state 80, button 84.
    private void SendButton(nuint window, int type, int x, int y, uint state)
    {
        byte* xevent = stackalloc byte[192];
        new Span<byte>(xevent, 192).Clear();
        *(int*)xevent = type;
        *(nuint*)(xevent + 32) = window;
        *(int*)(xevent + 64) = x;
        *(int*)(xevent + 68) = y;
        *(uint*)(xevent + 80) = state;
        *(uint*)(xevent + 84) = type == MotionNotify ? 0u : 1u;
        long mask = type == ButtonPress ? 1L << 2 : type == ButtonRelease ? 1L << 3 : 1L << 6;
        Assert.NotEqual(0, XSendEvent(_display, window, 0, (nint)mask, xevent));
        _ = XSync(_display, 0);
    }

    public void Dispose()
    {
        _ = XDestroyWindow(_display, Window);
        _ = XCloseDisplay(_display);
    }

    private const string Lib = "libX11.so.6";

    [LibraryImport(Lib)] private static partial nint XOpenDisplay(byte* name);
    [LibraryImport(Lib)] private static partial int XCloseDisplay(nint display);
    [LibraryImport(Lib)] private static partial nuint XDefaultRootWindow(nint display);
    [LibraryImport(Lib)] private static partial nuint XCreateSimpleWindow(nint display, nuint parent, int x, int y, uint width, uint height, uint border, nuint borderColour, nuint background);
    [LibraryImport(Lib)] private static partial int XMapWindow(nint display, nuint window);
    [LibraryImport(Lib)] private static partial int XDestroyWindow(nint display, nuint window);
    [LibraryImport(Lib)] private static partial int XResizeWindow(nint display, nuint window, uint width, uint height);
    [LibraryImport(Lib)] private static partial int XSync(nint display, int discard);
    [LibraryImport(Lib)] private static partial int XQueryTree(nint display, nuint window, nuint* root, nuint* parent, nuint** children, uint* count);
    [LibraryImport(Lib)] private static partial int XFree(void* data);
    [LibraryImport(Lib)] private static partial nint XGetImage(nint display, nuint drawable, int x, int y, uint width, uint height, ulong planeMask, int format);
    [LibraryImport(Lib)] private static partial int XSendEvent(nint display, nuint window, int propagate, nint mask, void* xevent);
}
