using System.Runtime.InteropServices;
using HapticShm.Plugin.Clap.Interop;
using HapticShm.Plugin.Tests.Host.X11;

namespace HapticShm.Plugin.Tests.Clap;

/// <summary>
/// A CLAP host's editor window for one plugin instance: gui.create("x11", embedded), set_size,
/// set_parent to a real top-level X11 window of the test's own connection. The host's run loop is
/// the test's main thread: <see cref="Frames"/> polls the descriptor the plugin registered through
/// posix-fd-support (on_fd when readable) and fires every registered timer once (on_timer).
/// </summary>
internal sealed unsafe partial class ClapEditorHost : IDisposable
{
    public const int Width = EditorWindowHost.Width, Height = EditorWindowHost.Height;
    private readonly ClapTestPlugin _plugin;

    public ClapEditorHost(ClapTestPlugin plugin)
    {
        _plugin = plugin;
        X11 = new X11Client(Width, Height);
        Gui = plugin.Extension<ClapPluginGui>(ClapIds.Gui);
        Timer = plugin.Extension<ClapPluginTimerSupport>(ClapIds.TimerSupport);
        Fd = plugin.Extension<ClapPluginPosixFdSupport>(ClapIds.PosixFdSupport);
        Assert.True(Gui != null && Timer != null && Fd != null, "get_extension returned null for clap.gui, clap.timer-support or clap.posix-fd-support");
    }

    public X11Client X11 { get; }

    public ClapPluginGui* Gui { get; }

    public ClapPluginTimerSupport* Timer { get; }

    public ClapPluginPosixFdSupport* Fd { get; }

    /// <summary>The editor's own X window (a child of ours) while open.</summary>
    public nuint EditorWindow { get; private set; }

    public bool Created { get; private set; }

    /// <summary>gui.create("x11", false): its result.</summary>
    public bool Create()
    {
        fixed (byte* api = ClapWindow.ApiX11)
        {
            Assert.Equal(1, Gui->IsApiSupported(_plugin.Plugin, api, 0));
            Created = Gui->Create(_plugin.Plugin, api, 0) != 0;
        }
        return Created;
    }

    /// <summary>create, set_size, set_parent (our window), show; the editor's child window must appear.</summary>
    public void Open()
    {
        Assert.True(Create(), "gui.create(\"x11\", embedded) returned false");
        Assert.Equal(1, Gui->SetSize(_plugin.Plugin, Width, Height));
        fixed (byte* api = ClapWindow.ApiX11)
        {
            var window = new ClapWindow { Api = api, Handle = (void*)X11.Window };
            Assert.Equal(1, Gui->SetParent(_plugin.Plugin, &window));
        }
        Assert.Equal(1, Gui->Show(_plugin.Plugin));
        nuint[] children = X11.Children();
        Assert.Single(children);
        EditorWindow = children[0];
        Assert.True(_plugin.Host.Timers.Count == 1 && _plugin.Host.Fds.Count == 1,
            $"the editor registered {_plugin.Host.Timers.Count} timers and {_plugin.Host.Fds.Count} descriptors (1 each expected)");
    }

    /// <summary>hide, destroy.</summary>
    public void Close()
    {
        if (!Created) return;
        Gui->Hide(_plugin.Plugin);
        Gui->Destroy(_plugin.Plugin);
        Created = false;
        EditorWindow = 0;
    }

    /// <summary><paramref name="count"/> turns of the host's loop: readable descriptors, then the timers.</summary>
    public void Frames(int count)
    {
        for (int i = 0; i < count; i++)
        {
            PumpDescriptors();
            foreach (uint id in _plugin.Host.Timers.Keys.ToArray()) Timer->OnTimer(_plugin.Plugin, id);
        }
    }

    private void PumpDescriptors()
    {
        foreach ((int fd, uint flags) in _plugin.Host.Fds.ToArray())
        {
            for (int i = 0; i < 100 && _plugin.Host.Fds.ContainsKey(fd); i++)
            {
                var poll = new PollFd { fd = fd, events = 1 }; // POLLIN
                if (Poll(&poll, 1, 0) <= 0 || (poll.revents & 1) == 0) break;
                Fd->OnFd(_plugin.Plugin, fd, ClapHostPosixFdSupport.Read & flags);
            }
        }
    }

    public uint[] Capture() => X11.Capture(EditorWindow, Width, Height);

    public void Dispose()
    {
        Close();
        X11.Dispose();
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int fd;
        public short events, revents;
    }

    [LibraryImport("libc", EntryPoint = "poll")]
    private static partial int Poll(PollFd* fds, nuint count, int timeoutMs);
}
