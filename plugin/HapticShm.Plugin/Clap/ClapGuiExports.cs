using System.Runtime.InteropServices;
using HapticShm.Plugin.Clap.Interop;

namespace HapticShm.Plugin.Clap;

/// <summary>clap.gui, clap.timer-support and clap.posix-fd-support (the plugin sides): thin entries
/// over the instance's <see cref="ClapEditor"/>. All [main-thread]; nothing escapes.</summary>
internal static unsafe class ClapGuiExports
{
    public static readonly ClapPluginGui* Gui = CreateGui();
    public static readonly ClapPluginTimerSupport* TimerSupport = CreateTimerSupport();
    public static readonly ClapPluginPosixFdSupport* PosixFdSupport = CreatePosixFdSupport();

    // get_preferred_api hands out this pointer: it must outlive every call.
    private static readonly byte* PreferredApi = CopyOf(ClapEditor.PlatformApi);

    private static ClapPluginGui* CreateGui()
    {
        var gui = (ClapPluginGui*)NativeMemory.AllocZeroed((nuint)sizeof(ClapPluginGui));
        gui->IsApiSupported = &IsApiSupported;
        gui->GetPreferredApi = &GetPreferredApi;
        gui->Create = &Create;
        gui->Destroy = &Destroy;
        gui->SetScale = &SetScale;
        gui->GetSize = &GetSize;
        gui->CanResize = &CanResize;
        gui->GetResizeHints = &GetResizeHints;
        gui->AdjustSize = &AdjustSize;
        gui->SetSize = &SetSize;
        gui->SetParent = &SetParent;
        gui->SetTransient = &SetTransient;
        gui->SuggestTitle = &SuggestTitle;
        gui->Show = &Show;
        gui->Hide = &Hide;
        return gui;
    }

    private static ClapPluginTimerSupport* CreateTimerSupport()
    {
        var timer = (ClapPluginTimerSupport*)NativeMemory.AllocZeroed((nuint)sizeof(ClapPluginTimerSupport));
        timer->OnTimer = &OnTimer;
        return timer;
    }

    private static ClapPluginPosixFdSupport* CreatePosixFdSupport()
    {
        var fd = (ClapPluginPosixFdSupport*)NativeMemory.AllocZeroed((nuint)sizeof(ClapPluginPosixFdSupport));
        fd->OnFd = &OnFd;
        return fd;
    }

    private static byte* CopyOf(ReadOnlySpan<byte> text)
    {
        var copy = (byte*)NativeMemory.Alloc((nuint)text.Length);
        text.CopyTo(new Span<byte>(copy, text.Length));
        return copy;
    }

    private static ClapEditor? Editor(ClapPlugin* plugin) => ClapInstance.From(plugin).Editor;

    [UnmanagedCallersOnly]
    private static byte IsApiSupported(ClapPlugin* plugin, byte* api, byte floating)
    {
        try { return ClapEditor.IsApiSupported(api, floating != 0) ? (byte)1 : (byte)0; }
        catch { return 0; }
    }

    [UnmanagedCallersOnly]
    private static byte GetPreferredApi(ClapPlugin* plugin, byte** api, byte* floating)
    {
        if (api == null || floating == null || !(OperatingSystem.IsLinux() || OperatingSystem.IsWindows())) return 0;
        *api = PreferredApi;
        *floating = 0;
        return 1;
    }

    [UnmanagedCallersOnly]
    private static byte Create(ClapPlugin* plugin, byte* api, byte floating)
    {
        try { return ClapInstance.From(plugin).CreateEditor(api, floating != 0) ? (byte)1 : (byte)0; }
        catch { return 0; }
    }

    [UnmanagedCallersOnly]
    private static void Destroy(ClapPlugin* plugin)
    {
        try { ClapInstance.From(plugin).DestroyEditor(); }
        catch { } // nothing to tell the host
    }

    [UnmanagedCallersOnly]
    private static byte SetScale(ClapPlugin* plugin, double scale)
    {
        try { return Editor(plugin)?.SetScale(scale) == true ? (byte)1 : (byte)0; }
        catch { return 0; }
    }

    [UnmanagedCallersOnly]
    private static byte GetSize(ClapPlugin* plugin, uint* width, uint* height)
    {
        if (width == null || height == null) return 0;
        try
        {
            if (Editor(plugin) is not ClapEditor editor) return 0;
            (*width, *height) = ((uint)editor.Width, (uint)editor.Height);
            return 1;
        }
        catch { return 0; }
    }

    [UnmanagedCallersOnly]
    private static byte CanResize(ClapPlugin* plugin) => 1;

    [UnmanagedCallersOnly]
    private static byte GetResizeHints(ClapPlugin* plugin, ClapGuiResizeHints* hints)
    {
        if (hints == null) return 0;
        *hints = new ClapGuiResizeHints { CanResizeHorizontally = 1, CanResizeVertically = 1 };
        return 1;
    }

    [UnmanagedCallersOnly]
    private static byte AdjustSize(ClapPlugin* plugin, uint* width, uint* height)
    {
        if (width == null || height == null) return 0;
        try
        {
            if (Editor(plugin) is not ClapEditor editor) return 0;
            (int w, int h) = editor.Constrain((int)Math.Min(*width, int.MaxValue), (int)Math.Min(*height, int.MaxValue));
            (*width, *height) = ((uint)w, (uint)h);
            return 1;
        }
        catch { return 0; }
    }

    [UnmanagedCallersOnly]
    private static byte SetSize(ClapPlugin* plugin, uint width, uint height)
    {
        try
        {
            if (Editor(plugin) is not ClapEditor editor) return 0;
            editor.Resize((int)Math.Min(width, 16384u), (int)Math.Min(height, 16384u));
            return 1;
        }
        catch { return 0; }
    }

    [UnmanagedCallersOnly]
    private static byte SetParent(ClapPlugin* plugin, ClapWindow* window)
    {
        try { return Editor(plugin)?.SetParent(window) == true ? (byte)1 : (byte)0; }
        catch { return 0; }
    }

    /// <summary>Only for floating windows, which we do not make.</summary>
    [UnmanagedCallersOnly]
    private static byte SetTransient(ClapPlugin* plugin, ClapWindow* window) => 0;

    [UnmanagedCallersOnly]
    private static void SuggestTitle(ClapPlugin* plugin, byte* title)
    {
        // An embedded window has no title of its own.
    }

    /// <summary>An embedded window shows with its parent: show resumes drawing, hide stops it.</summary>
    [UnmanagedCallersOnly]
    private static byte Show(ClapPlugin* plugin) => SetVisible(plugin, true);

    [UnmanagedCallersOnly]
    private static byte Hide(ClapPlugin* plugin) => SetVisible(plugin, false);

    private static byte SetVisible(ClapPlugin* plugin, bool visible)
    {
        try
        {
            if (Editor(plugin) is not ClapEditor editor) return 0;
            editor.SetVisible(visible);
            return 1;
        }
        catch { return 0; }
    }

    [UnmanagedCallersOnly]
    private static void OnTimer(ClapPlugin* plugin, uint timerId)
    {
        try { Editor(plugin)?.RunLoop?.OnTimer(timerId); }
        catch { } // nothing leaves into the host's loop
    }

    [UnmanagedCallersOnly]
    private static void OnFd(ClapPlugin* plugin, int fd, uint flags)
    {
        try { Editor(plugin)?.RunLoop?.OnFd(fd); }
        catch { }
    }
}
