using System.Runtime.InteropServices;

namespace HapticShm.Plugin.Clap.Interop;

// free-audio/clap include/clap/ext/gui.h, timer-support.h, posix-fd-support.h.

/// <summary>clap_window_t: the api name and the native handle (X11 window id, HWND, NSView).</summary>
[StructLayout(LayoutKind.Explicit, Size = 16)]
public unsafe struct ClapWindow
{
    [FieldOffset(0)] public byte* Api;
    /// <summary>The union: unsigned long x11 / void* win32 / void* cocoa.</summary>
    [FieldOffset(8)] public void* Handle;

    public static ReadOnlySpan<byte> ApiX11 => "x11\0"u8;
    public static ReadOnlySpan<byte> ApiWin32 => "win32\0"u8;
}

/// <summary>clap_gui_resize_hints_t.</summary>
[StructLayout(LayoutKind.Explicit, Size = 12)]
public struct ClapGuiResizeHints
{
    [FieldOffset(0)] public byte CanResizeHorizontally;
    [FieldOffset(1)] public byte CanResizeVertically;
    [FieldOffset(2)] public byte PreserveAspectRatio;
    [FieldOffset(4)] public uint AspectRatioWidth;
    [FieldOffset(8)] public uint AspectRatioHeight;
}

/// <summary>clap_plugin_gui_t ([main-thread], every function).</summary>
[StructLayout(LayoutKind.Explicit, Size = 120)]
public unsafe struct ClapPluginGui
{
    [FieldOffset(0)] public delegate* unmanaged<ClapPlugin*, byte*, byte, byte> IsApiSupported;
    [FieldOffset(8)] public delegate* unmanaged<ClapPlugin*, byte**, byte*, byte> GetPreferredApi;
    [FieldOffset(16)] public delegate* unmanaged<ClapPlugin*, byte*, byte, byte> Create;
    [FieldOffset(24)] public delegate* unmanaged<ClapPlugin*, void> Destroy;
    [FieldOffset(32)] public delegate* unmanaged<ClapPlugin*, double, byte> SetScale;
    [FieldOffset(40)] public delegate* unmanaged<ClapPlugin*, uint*, uint*, byte> GetSize;
    [FieldOffset(48)] public delegate* unmanaged<ClapPlugin*, byte> CanResize;
    [FieldOffset(56)] public delegate* unmanaged<ClapPlugin*, ClapGuiResizeHints*, byte> GetResizeHints;
    [FieldOffset(64)] public delegate* unmanaged<ClapPlugin*, uint*, uint*, byte> AdjustSize;
    [FieldOffset(72)] public delegate* unmanaged<ClapPlugin*, uint, uint, byte> SetSize;
    [FieldOffset(80)] public delegate* unmanaged<ClapPlugin*, ClapWindow*, byte> SetParent;
    [FieldOffset(88)] public delegate* unmanaged<ClapPlugin*, ClapWindow*, byte> SetTransient;
    [FieldOffset(96)] public delegate* unmanaged<ClapPlugin*, byte*, void> SuggestTitle;
    [FieldOffset(104)] public delegate* unmanaged<ClapPlugin*, byte> Show;
    [FieldOffset(112)] public delegate* unmanaged<ClapPlugin*, byte> Hide;
}

/// <summary>clap_plugin_timer_support_t.</summary>
[StructLayout(LayoutKind.Explicit, Size = 8)]
public unsafe struct ClapPluginTimerSupport
{
    /// <summary>[main-thread]</summary>
    [FieldOffset(0)] public delegate* unmanaged<ClapPlugin*, uint, void> OnTimer;
}

/// <summary>clap_host_timer_support_t ([main-thread]).</summary>
[StructLayout(LayoutKind.Explicit, Size = 16)]
public unsafe struct ClapHostTimerSupport
{
    [FieldOffset(0)] public delegate* unmanaged<ClapHost*, uint, uint*, byte> RegisterTimer;
    [FieldOffset(8)] public delegate* unmanaged<ClapHost*, uint, byte> UnregisterTimer;
}

/// <summary>clap_plugin_posix_fd_support_t.</summary>
[StructLayout(LayoutKind.Explicit, Size = 8)]
public unsafe struct ClapPluginPosixFdSupport
{
    /// <summary>[main-thread]</summary>
    [FieldOffset(0)] public delegate* unmanaged<ClapPlugin*, int, uint, void> OnFd;
}

/// <summary>clap_host_posix_fd_support_t ([main-thread]).</summary>
[StructLayout(LayoutKind.Explicit, Size = 24)]
public unsafe struct ClapHostPosixFdSupport
{
    [FieldOffset(0)] public delegate* unmanaged<ClapHost*, int, uint, byte> RegisterFd;
    [FieldOffset(8)] public delegate* unmanaged<ClapHost*, int, uint, byte> ModifyFd;
    [FieldOffset(16)] public delegate* unmanaged<ClapHost*, int, byte> UnregisterFd;

    public const uint Read = 1 << 0;
    public const uint Write = 1 << 1;
    public const uint Error = 1 << 2;
}
