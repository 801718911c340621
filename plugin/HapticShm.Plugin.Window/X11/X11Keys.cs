using HapticShm.Plugin.Core.Editor;

namespace HapticShm.Plugin.Window.X11;

/// <summary>X keysyms (X11/keysymdef.h, keypad too) to the editor's keys.</summary>
internal static class X11Keys
{
    public const uint XK_Tab = 0xFF09, XK_ISO_Left_Tab = 0xFE20, XK_Home = 0xFF50, XK_Left = 0xFF51, XK_Up = 0xFF52, XK_Right = 0xFF53,
        XK_Down = 0xFF54, XK_Prior = 0xFF55, XK_Next = 0xFF56, XK_End = 0xFF57, XK_KP_Home = 0xFF95, XK_KP_Left = 0xFF96, XK_KP_Up = 0xFF97,
        XK_KP_Right = 0xFF98, XK_KP_Down = 0xFF99, XK_KP_Prior = 0xFF9A, XK_KP_Next = 0xFF9B, XK_KP_End = 0xFF9C;

    /// <summary>The key of an unshifted keysym, Shift+Tab to <see cref="EditorKey.Previous"/>.</summary>
    public static EditorKey Of(nuint keysym, bool shift) => (uint)keysym switch
    {
        XK_Left or XK_KP_Left => EditorKey.Left,
        XK_Right or XK_KP_Right => EditorKey.Right,
        XK_Up or XK_KP_Up => EditorKey.Up,
        XK_Down or XK_KP_Down => EditorKey.Down,
        XK_Tab => shift ? EditorKey.Previous : EditorKey.Next,
        XK_ISO_Left_Tab => EditorKey.Previous,
        XK_Home or XK_KP_Home => EditorKey.Home,
        XK_End or XK_KP_End => EditorKey.End,
        XK_Prior or XK_KP_Prior => EditorKey.PageUp,
        XK_Next or XK_KP_Next => EditorKey.PageDown,
        _ => EditorKey.None,
    };
}
