using System.Runtime.InteropServices;

namespace HapticShm.Plugin.Window.X11;

/// <summary>
/// The few Xlib calls the editor makes, bound at first use from libX11.so.6 (not linked: a host
/// without X, or Wayland-only, still loads the plugin and just gets no editor). Native names kept.
/// </summary>
internal static unsafe class X11Api
{
    public const long ExposureMask = 1L << 15, ButtonPressMask = 1L << 2, ButtonReleaseMask = 1L << 3, PointerMotionMask = 1L << 6, StructureNotifyMask = 1L << 17;
    public const long KeyPressMask = 1L << 0, FocusChangeMask = 1L << 21, NoEventMask = 0;
    public const int KeyPress = 2, ButtonPress = 4, ButtonRelease = 5, MotionNotify = 6, FocusIn = 9, FocusOut = 10, Expose = 12, ConfigureNotify = 22, ClientMessage = 33;
    public const int ZPixmap = 2, PropModeReplace = 0, RevertToParent = 2, ShiftMask = 1;
    // XFocusChangeEvent detail: focus moving between our window's children or the pointer's window is not ours to show.
    public const int NotifyInferior = 2, NotifyPointer = 5;
    public const int XEventBytes = 192; // union _XEvent: long pad[24]
    // XImage: char* data at 16 (see Xlib.h); XButtonEvent / XMotionEvent: x, y at 64, 68; button at 84.
    public const int ImageDataOffset = 16, EventXOffset = 64, EventYOffset = 68, EventButtonOffset = 84;
    // XButtonEvent / XKeyEvent: Time at 56, state at 80 (the key event's keycode at 84).
    public const int EventTimeOffset = 56, EventStateOffset = 80;
    // XClientMessageEvent: window at 32, message_type at 40, format at 48, data.l[0..4] from 56.
    // XFocusChangeEvent: detail at 44.
    public const int EventWindowOffset = 32, MessageTypeOffset = 40, MessageFormatOffset = 48, MessageDataOffset = 56, FocusDetailOffset = 44;
    // XWindowAttributes: x, y, width, height, border_width, then int depth at 20 and Visual* at 24.
    public const int WindowAttributesBytes = 256, AttributesDepthOffset = 20, AttributesVisualOffset = 24;

    private static readonly Lock LoadLock = new();
    private static int s_state; // 0 not tried, 1 loaded, -1 missing

    public static delegate* unmanaged<byte*, nint> XOpenDisplay;
    public static delegate* unmanaged<nint, int> XCloseDisplay;
    public static delegate* unmanaged<nint, int> XDefaultScreen;
    public static delegate* unmanaged<nint, int, nint> XDefaultVisual;
    public static delegate* unmanaged<nint, int, int> XDefaultDepth;
    public static delegate* unmanaged<nint, nuint, int, int, uint, uint, uint, nuint, nuint, nuint> XCreateSimpleWindow;
    public static delegate* unmanaged<nint, nuint, int> XDestroyWindow;
    public static delegate* unmanaged<nint, nuint, nint, int> XSelectInput;
    public static delegate* unmanaged<nint, nuint, int> XMapWindow;
    public static delegate* unmanaged<nint, nuint, uint, uint, int> XResizeWindow;
    public static delegate* unmanaged<nint, int> XConnectionNumber;
    public static delegate* unmanaged<nint, int> XPending;
    public static delegate* unmanaged<nint, void*, int> XNextEvent;
    public static delegate* unmanaged<nint, int> XFlush;
    public static delegate* unmanaged<nint, nuint, nuint, void*, nint> XCreateGC;
    public static delegate* unmanaged<nint, nint, int> XFreeGC;
    public static delegate* unmanaged<nint, nint, uint, int, int, byte*, uint, uint, int, int, nint> XCreateImage;
    public static delegate* unmanaged<nint, nuint, nint, nint, int, int, int, int, uint, uint, int> XPutImage;
    public static delegate* unmanaged<void*, int> XFree;
    public static delegate* unmanaged<nint, nuint, void*, int> XGetWindowAttributes;
    public static delegate* unmanaged<delegate* unmanaged<nint, void*, int>, delegate* unmanaged<nint, void*, int>> XSetErrorHandler;
    public static delegate* unmanaged<nint, byte*, int, nuint> XInternAtom;
    public static delegate* unmanaged<nint, nuint, nuint, nuint, int, int, byte*, int, int> XChangeProperty;
    public static delegate* unmanaged<nint, nuint, int, nint, void*, int> XSendEvent;
    public static delegate* unmanaged<nint, nuint, int, nuint, int> XSetInputFocus;
    public static delegate* unmanaged<void*, int, nuint> XLookupKeysym;
    public static delegate* unmanaged<nint, int, int> XSync;

    /// <summary>Binds the calls; false when libX11 is not there.</summary>
    public static bool TryLoad()
    {
        lock (LoadLock)
        {
            if (s_state != 0) return s_state > 0;
            s_state = -1;
            if (!NativeLibrary.TryLoad("libX11.so.6", out nint lib)) return false;
            try
            {
                XOpenDisplay = (delegate* unmanaged<byte*, nint>)NativeLibrary.GetExport(lib, "XOpenDisplay");
                XCloseDisplay = (delegate* unmanaged<nint, int>)NativeLibrary.GetExport(lib, "XCloseDisplay");
                XDefaultScreen = (delegate* unmanaged<nint, int>)NativeLibrary.GetExport(lib, "XDefaultScreen");
                XDefaultVisual = (delegate* unmanaged<nint, int, nint>)NativeLibrary.GetExport(lib, "XDefaultVisual");
                XDefaultDepth = (delegate* unmanaged<nint, int, int>)NativeLibrary.GetExport(lib, "XDefaultDepth");
                XCreateSimpleWindow = (delegate* unmanaged<nint, nuint, int, int, uint, uint, uint, nuint, nuint, nuint>)NativeLibrary.GetExport(lib, "XCreateSimpleWindow");
                XDestroyWindow = (delegate* unmanaged<nint, nuint, int>)NativeLibrary.GetExport(lib, "XDestroyWindow");
                XSelectInput = (delegate* unmanaged<nint, nuint, nint, int>)NativeLibrary.GetExport(lib, "XSelectInput");
                XMapWindow = (delegate* unmanaged<nint, nuint, int>)NativeLibrary.GetExport(lib, "XMapWindow");
                XResizeWindow = (delegate* unmanaged<nint, nuint, uint, uint, int>)NativeLibrary.GetExport(lib, "XResizeWindow");
                XConnectionNumber = (delegate* unmanaged<nint, int>)NativeLibrary.GetExport(lib, "XConnectionNumber");
                XPending = (delegate* unmanaged<nint, int>)NativeLibrary.GetExport(lib, "XPending");
                XNextEvent = (delegate* unmanaged<nint, void*, int>)NativeLibrary.GetExport(lib, "XNextEvent");
                XFlush = (delegate* unmanaged<nint, int>)NativeLibrary.GetExport(lib, "XFlush");
                XCreateGC = (delegate* unmanaged<nint, nuint, nuint, void*, nint>)NativeLibrary.GetExport(lib, "XCreateGC");
                XFreeGC = (delegate* unmanaged<nint, nint, int>)NativeLibrary.GetExport(lib, "XFreeGC");
                XCreateImage = (delegate* unmanaged<nint, nint, uint, int, int, byte*, uint, uint, int, int, nint>)NativeLibrary.GetExport(lib, "XCreateImage");
                XPutImage = (delegate* unmanaged<nint, nuint, nint, nint, int, int, int, int, uint, uint, int>)NativeLibrary.GetExport(lib, "XPutImage");
                XFree = (delegate* unmanaged<void*, int>)NativeLibrary.GetExport(lib, "XFree");
                XGetWindowAttributes = (delegate* unmanaged<nint, nuint, void*, int>)NativeLibrary.GetExport(lib, "XGetWindowAttributes");
                XSetErrorHandler = (delegate* unmanaged<delegate* unmanaged<nint, void*, int>, delegate* unmanaged<nint, void*, int>>)NativeLibrary.GetExport(lib, "XSetErrorHandler");
                XInternAtom = (delegate* unmanaged<nint, byte*, int, nuint>)NativeLibrary.GetExport(lib, "XInternAtom");
                XChangeProperty = (delegate* unmanaged<nint, nuint, nuint, nuint, int, int, byte*, int, int>)NativeLibrary.GetExport(lib, "XChangeProperty");
                XSendEvent = (delegate* unmanaged<nint, nuint, int, nint, void*, int>)NativeLibrary.GetExport(lib, "XSendEvent");
                XSetInputFocus = (delegate* unmanaged<nint, nuint, int, nuint, int>)NativeLibrary.GetExport(lib, "XSetInputFocus");
                XLookupKeysym = (delegate* unmanaged<void*, int, nuint>)NativeLibrary.GetExport(lib, "XLookupKeysym");
                XSync = (delegate* unmanaged<nint, int, int>)NativeLibrary.GetExport(lib, "XSync");
            }
            catch (EntryPointNotFoundException)
            {
                return false;
            }
            s_state = 1;
            return true;
        }
    }
}
