using System.Runtime.InteropServices;

namespace HapticShm.Plugin.Window.X11;

/// <summary>
/// Xlib's default error handler exits the process: a BadWindow on our connection (the host
/// destroyed its window before removing the view) must not take the DAW down. Installed once;
/// errors on our displays are counted and ignored, any other display goes to the handler that
/// was there before (the host's).
/// </summary>
internal static unsafe class X11ErrorTrap
{
    private static readonly nint[] s_displays = new nint[32];
    private static delegate* unmanaged<nint, void*, int> s_previous;
    private static bool s_installed;
    private static int s_errors;

    /// <summary>X errors seen on our connections.</summary>
    public static int Errors => Volatile.Read(ref s_errors);

    public static void Add(nint display)
    {
        lock (s_displays)
        {
            if (!s_installed)
            {
                s_previous = X11Api.XSetErrorHandler(&Handle);
                s_installed = true;
            }
            int free = Array.IndexOf(s_displays, 0);
            if (free >= 0) s_displays[free] = display;
        }
    }

    public static void Remove(nint display)
    {
        lock (s_displays)
        {
            int index = Array.IndexOf(s_displays, display);
            if (index >= 0) s_displays[index] = 0;
        }
    }

    [UnmanagedCallersOnly]
    private static int Handle(nint display, void* errorEvent)
    {
        if (Array.IndexOf(s_displays, display) >= 0)
        {
            Interlocked.Increment(ref s_errors);
            return 0;
        }
        return s_previous != null ? s_previous(display, errorEvent) : 0;
    }
}
