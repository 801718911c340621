using System.Runtime.InteropServices;
using HapticShm.Plugin.Clap.Interop;

namespace HapticShm.Plugin.Tests.Clap;

/// <summary>
/// The host side of a CLAP plugin: a clap_host_t whose functions are ours. Threads are what the
/// test says: the thread that made the host is the main thread, the one in <see cref="AudioThreadId"/>
/// the audio thread; thread-check answers accordingly. Every main-thread-only host function
/// called off the main thread is recorded in <see cref="Violations"/>, as is any host function
/// called from the audio thread that is not thread-safe.
/// </summary>
internal sealed unsafe class ClapTestHost : IDisposable
{
    private static readonly byte[] ThreadCheckId = "clap.thread-check"u8.ToArray();
    private static readonly byte[] ParamsId = "clap.params"u8.ToArray();
    private static readonly byte[] StateId = "clap.state"u8.ToArray();
    private static readonly byte[] LatencyId = "clap.latency"u8.ToArray();
    private static readonly byte[] TimerSupportId = "clap.timer-support"u8.ToArray();
    private static readonly byte[] PosixFdSupportId = "clap.posix-fd-support"u8.ToArray();

    private readonly List<string> _violations = [];
    private readonly List<string> _calls = [];
    private readonly ClapHostThreadCheck* _threadCheck;
    private readonly HostParams* _params;
    private readonly HostState* _state;
    private readonly HostLatency* _latency;
    private readonly ClapHostTimerSupport* _timers;
    private readonly ClapHostPosixFdSupport* _fds;
    private readonly Dictionary<uint, uint> _registeredTimers = [];
    private readonly Dictionary<int, uint> _registeredFds = [];
    private uint _nextTimerId = 1;
    private GCHandle _self;

    /// <param name="offerThreadCheck">Whether clap.thread-check is offered.</param>
    /// <param name="offerRunLoop">Whether clap.timer-support and clap.posix-fd-support are offered
    /// (the editor's run loop: timers and descriptors the test drives on its main thread).</param>
    public ClapTestHost(bool offerThreadCheck = true, bool offerRunLoop = true)
    {
        OfferRunLoop = offerRunLoop;
        MainThreadId = Environment.CurrentManagedThreadId;
        OfferThreadCheck = offerThreadCheck;
        _self = GCHandle.Alloc(this);
        Host = (ClapHost*)NativeMemory.AllocZeroed((nuint)sizeof(ClapHost));
        Host->ClapVersion = ClapVersion.Current;
        Host->HostData = (void*)GCHandle.ToIntPtr(_self);
        Host->Name = Utf8("HapticShm test host");
        Host->Vendor = Utf8("HapticShm");
        Host->Url = Utf8("");
        Host->Version = Utf8("1.0");
        Host->GetExtension = &GetExtension;
        Host->RequestRestart = &RequestRestart;
        Host->RequestProcess = &RequestProcess;
        Host->RequestCallback = &RequestCallback;
        _threadCheck = (ClapHostThreadCheck*)NativeMemory.AllocZeroed((nuint)sizeof(ClapHostThreadCheck));
        _threadCheck->IsMainThread = &IsMainThread;
        _threadCheck->IsAudioThread = &IsAudioThread;
        _params = (HostParams*)NativeMemory.AllocZeroed((nuint)sizeof(HostParams));
        _params->Rescan = &ParamsRescan;
        _params->Clear = &ParamsClear;
        _params->RequestFlush = &ParamsRequestFlush;
        _state = (HostState*)NativeMemory.AllocZeroed((nuint)sizeof(HostState));
        _state->MarkDirty = &StateMarkDirty;
        _latency = (HostLatency*)NativeMemory.AllocZeroed((nuint)sizeof(HostLatency));
        _latency->Changed = &LatencyChanged;
        _timers = (ClapHostTimerSupport*)NativeMemory.AllocZeroed((nuint)sizeof(ClapHostTimerSupport));
        _timers->RegisterTimer = &RegisterTimer;
        _timers->UnregisterTimer = &UnregisterTimer;
        _fds = (ClapHostPosixFdSupport*)NativeMemory.AllocZeroed((nuint)sizeof(ClapHostPosixFdSupport));
        _fds->RegisterFd = &RegisterFd;
        _fds->ModifyFd = &ModifyFd;
        _fds->UnregisterFd = &UnregisterFd;
    }

    public bool OfferRunLoop { get; }

    /// <summary>Timers the plugin registered: id -> period (ms).</summary>
    public IReadOnlyDictionary<uint, uint> Timers => _registeredTimers;

    /// <summary>Descriptors the plugin registered: fd -> flags.</summary>
    public IReadOnlyDictionary<int, uint> Fds => _registeredFds;

    public ClapHost* Host { get; }

    public bool OfferThreadCheck { get; }

    public int MainThreadId { get; }

    /// <summary>The managed id of the thread that counts as the audio thread (0: none).</summary>
    public int AudioThreadId { get; set; }

    /// <summary>What the plugin did wrong, one line each.</summary>
    public IReadOnlyList<string> Violations { get { lock (_violations) return [.. _violations]; } }

    /// <summary>Host functions the plugin called, in order (name).</summary>
    public IReadOnlyList<string> Calls { get { lock (_calls) return [.. _calls]; } }

    /// <summary>Extensions the plugin asked for (as strings).</summary>
    public List<string> ExtensionQueries { get; } = [];

    private static ClapTestHost Of(ClapHost* host) => (ClapTestHost)GCHandle.FromIntPtr((nint)host->HostData).Target!;

    private void Record(string call, bool mainThreadOnly)
    {
        lock (_calls) _calls.Add(call);
        int thread = Environment.CurrentManagedThreadId;
        if (mainThreadOnly && thread != MainThreadId)
        {
            lock (_violations) _violations.Add($"{call} [main-thread] called on thread {thread}{(thread == AudioThreadId ? " (the audio thread)" : "")}");
        }
    }

    [UnmanagedCallersOnly]
    private static void* GetExtension(ClapHost* host, byte* id)
    {
        ClapTestHost self = Of(host);
        var name = MemoryMarshal.CreateReadOnlySpanFromNullTerminated(id);
        lock (self._calls) self.ExtensionQueries.Add(System.Text.Encoding.UTF8.GetString(name));
        self.Record("get_extension", mainThreadOnly: false);
        if (name.SequenceEqual(ThreadCheckId)) return self.OfferThreadCheck ? self._threadCheck : null;
        if (name.SequenceEqual(ParamsId)) return self._params;
        if (name.SequenceEqual(StateId)) return self._state;
        if (name.SequenceEqual(LatencyId)) return self._latency;
        if (name.SequenceEqual(TimerSupportId)) return self.OfferRunLoop ? self._timers : null;
        if (name.SequenceEqual(PosixFdSupportId)) return self.OfferRunLoop ? self._fds : null;
        return null;
    }

    [UnmanagedCallersOnly]
    private static void RequestRestart(ClapHost* host) => Of(host).Record("request_restart", mainThreadOnly: false);

    [UnmanagedCallersOnly]
    private static void RequestProcess(ClapHost* host) => Of(host).Record("request_process", mainThreadOnly: false);

    [UnmanagedCallersOnly]
    private static void RequestCallback(ClapHost* host) => Of(host).Record("request_callback", mainThreadOnly: false);

    [UnmanagedCallersOnly]
    private static byte IsMainThread(ClapHost* host) => Environment.CurrentManagedThreadId == Of(host).MainThreadId ? (byte)1 : (byte)0;

    [UnmanagedCallersOnly]
    private static byte IsAudioThread(ClapHost* host) => Environment.CurrentManagedThreadId == Of(host).AudioThreadId ? (byte)1 : (byte)0;

    [UnmanagedCallersOnly]
    private static void ParamsRescan(ClapHost* host, uint flags) => Of(host).Record($"params.rescan({flags})", mainThreadOnly: true);

    [UnmanagedCallersOnly]
    private static void ParamsClear(ClapHost* host, uint id, uint flags) => Of(host).Record("params.clear", mainThreadOnly: true);

    [UnmanagedCallersOnly]
    private static void ParamsRequestFlush(ClapHost* host)
    {
        // [thread-safe, !audio-thread]
        ClapTestHost self = Of(host);
        self.Record("params.request_flush", mainThreadOnly: false);
        if (Environment.CurrentManagedThreadId == self.AudioThreadId)
            lock (self._violations) self._violations.Add("params.request_flush called on the audio thread");
    }

    [UnmanagedCallersOnly]
    private static void StateMarkDirty(ClapHost* host) => Of(host).Record("state.mark_dirty", mainThreadOnly: true);

    [UnmanagedCallersOnly]
    private static void LatencyChanged(ClapHost* host) => Of(host).Record("latency.changed", mainThreadOnly: true);

    [UnmanagedCallersOnly]
    private static byte RegisterTimer(ClapHost* host, uint periodMs, uint* id)
    {
        ClapTestHost self = Of(host);
        self.Record("timer-support.register_timer", mainThreadOnly: true);
        if (id == null) return 0;
        *id = self._nextTimerId++;
        self._registeredTimers[*id] = periodMs;
        return 1;
    }

    [UnmanagedCallersOnly]
    private static byte UnregisterTimer(ClapHost* host, uint id)
    {
        ClapTestHost self = Of(host);
        self.Record("timer-support.unregister_timer", mainThreadOnly: true);
        return self._registeredTimers.Remove(id) ? (byte)1 : (byte)0;
    }

    [UnmanagedCallersOnly]
    private static byte RegisterFd(ClapHost* host, int fd, uint flags)
    {
        ClapTestHost self = Of(host);
        self.Record("posix-fd-support.register_fd", mainThreadOnly: true);
        return self._registeredFds.TryAdd(fd, flags) ? (byte)1 : (byte)0;
    }

    [UnmanagedCallersOnly]
    private static byte ModifyFd(ClapHost* host, int fd, uint flags)
    {
        ClapTestHost self = Of(host);
        self.Record("posix-fd-support.modify_fd", mainThreadOnly: true);
        if (!self._registeredFds.ContainsKey(fd)) return 0;
        self._registeredFds[fd] = flags;
        return 1;
    }

    [UnmanagedCallersOnly]
    private static byte UnregisterFd(ClapHost* host, int fd)
    {
        ClapTestHost self = Of(host);
        self.Record("posix-fd-support.unregister_fd", mainThreadOnly: true);
        return self._registeredFds.Remove(fd) ? (byte)1 : (byte)0;
    }

    private static byte* Utf8(string text)
    {
        byte[] bytes = System.Text.Encoding.UTF8.GetBytes(text + "\0");
        var copy = (byte*)NativeMemory.Alloc((nuint)bytes.Length);
        bytes.CopyTo(new Span<byte>(copy, bytes.Length));
        return copy;
    }

    /// <summary>Kept for the process: a plugin may still hold the host pointer after destroy
    /// returned (it must not, but a test host must not crash first). The handle is freed.</summary>
    public void Dispose()
    {
        if (_self.IsAllocated) _self.Free();
        Host->HostData = null;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct HostParams
    {
        public delegate* unmanaged<ClapHost*, uint, void> Rescan;
        public delegate* unmanaged<ClapHost*, uint, uint, void> Clear;
        public delegate* unmanaged<ClapHost*, void> RequestFlush;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct HostState
    {
        public delegate* unmanaged<ClapHost*, void> MarkDirty;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct HostLatency
    {
        public delegate* unmanaged<ClapHost*, void> Changed;
    }
}
