using HapticShm.Plugin.Core.Processing;
using HapticShm.Shared;
using HapticShm.Shared.Ring;

namespace HapticShm.Plugin.Core.Connection;

/// <summary>
/// Keeps a <see cref="PluginProcessor"/> supplied with a ring while the plugin is active
/// (setActive(true) .. setActive(false) / terminate): a background <see cref="ConnectionWorker"/>
/// connects to the server (handshake), attaches the ring, watches the session every
/// <see cref="PollInterval"/> (socket closed = dead, status heartbeat stalled for
/// <see cref="HangTimeout"/> = hung: killed) and, when the server goes away, withdraws the ring,
/// asks the launcher (if any) to start a server (again, with a back-off, while none answers), and
/// reconnects. The audio thread only ever sees "ring" or "no ring".
/// </summary>
/// <remarks>
/// Design: <see cref="Start"/> and <see cref="Stop"/> run on the host's UI thread and never wait
/// for the worker (it may sit in a connect or a launch for seconds). Stop bumps a generation and
/// withdraws the ring; a worker attaches only under the same lock and only while its generation is
/// current, so once Stop returns no old worker can attach again. The old worker then winds down
/// on its own: it never attaches or detaches for anyone, and hands the mapping of its session to
/// <see cref="PluginProcessor.RetireRing"/>, which unmaps it only when no block can touch it.
/// A Start while an old worker still winds down simply starts a new one.
/// Test seam: when the environment variable <see cref="RingOverrideVariable"/> names a ring file,
/// <see cref="Start"/> maps that ring directly and no server is involved.
/// </remarks>
public sealed class RingConnection : IDisposable
{
    /// <summary>Path of an existing ring file to write into instead of asking the server (tests).</summary>
    public const string RingOverrideVariable = "HAPTICSHM_PLUGIN_RING";

    /// <summary>How often the session is checked; a dead server is noticed within this (plus the check).</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>A server whose status heartbeat has not moved for this long is hung.</summary>
    public static readonly TimeSpan HangTimeout = TimeSpan.FromMilliseconds(250);

    private readonly object _ownership = new();
    private readonly Func<string, string?> _getEnvironment;
    private ConnectionWorker? _worker;
    private int _generation;
    private CommandRing? _overrideRing;
    private int _connections;
    private int _hungServersKilled;
    private string? _lastError;
    private long _session; // server pid << 32 | (client slot + 1); 0 while no session is attached
    private string? _statusPath;

    /// <param name="processor">Receives the rings.</param>
    /// <param name="socketPath">The server socket; null for <see cref="Shared.Platform.RuntimePaths.SocketPath"/>.
    /// The status block is read from the same directory.</param>
    /// <param name="launchServer">Starts a server when none answers (returns false if it could not); null to only wait for one.</param>
    /// <param name="getEnvironment">Reads an environment variable; the NativeAOT plugin passes libc getenv
    /// because the runtime's copy of the environment may be stale.</param>
    /// <param name="reapLaunched">Collects launched servers that have exited (no zombies); called by
    /// the worker at every poll, so it must be cheap and allocation-free.</param>
    /// <param name="plugInFormat">Names the session in the server's status ("HapticShm VST3 (pid)", "HapticShm CLAP (pid)").</param>
    public RingConnection(PluginProcessor processor, string? socketPath = null, Func<bool>? launchServer = null,
        Func<string, string?>? getEnvironment = null, Action? reapLaunched = null, string plugInFormat = "VST3")
    {
        _getEnvironment = getEnvironment ?? Environment.GetEnvironmentVariable;
        Processor = processor;
        SocketPath = socketPath;
        LaunchServer = launchServer;
        ReapLaunched = reapLaunched;
        ClientName = $"HapticShm {plugInFormat} ({Environment.ProcessId})";
    }

    /// <summary>Sessions opened so far (each reconnect adds one).</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Hung servers this connection killed.</summary>
    public int HungServersKilled => Volatile.Read(ref _hungServersKilled);

    /// <summary>Why the last attempt failed, for diagnostics; null after a success.</summary>
    public string? LastError => Volatile.Read(ref _lastError);

    /// <summary>Whether a worker runs for the current activation (or the override ring is mapped).</summary>
    public bool IsStarted => Volatile.Read(ref _worker) is not null || _overrideRing is not null;

    /// <summary>Bytes the current worker thread allocated between its first watched poll of the
    /// session and its latest (diagnostics: the steady state allocates nothing).</summary>
    public long WatchAllocatedBytes => Volatile.Read(ref _worker)?.WatchAllocatedBytes ?? 0;

    /// <summary>The session attached now: its server's pid and this instance's slot in the server's
    /// client table (= its entry in the status block), or (0, -1). Two instances in one host share a
    /// pid; the slot tells them apart.</summary>
    public (int ServerPid, int ClientSlot) CurrentSession
    {
        get
        {
            long session = Volatile.Read(ref _session);
            return session == 0 ? (0, -1) : ((int)(session >> 32), (int)(session & 0xFFFF_FFFF) - 1);
        }
    }

    /// <summary>The status block of the server this instance connects to (null before the first attempt).</summary>
    public string? StatusPath => Volatile.Read(ref _statusPath);

    internal PluginProcessor Processor { get; }
    internal string? SocketPath { get; }
    internal Func<bool>? LaunchServer { get; }
    internal Action? ReapLaunched { get; }
    internal string ClientName { get; }

    /// <summary>The clock the launch back-off (<see cref="ServerLaunchSchedule"/>) runs on, in ns;
    /// tests substitute one they control.</summary>
    internal Func<long> LaunchClockNs { get; init; } = MonotonicClock.NowNs;

    /// <summary>Starts supplying rings (setActive(true), never on the audio thread). Returns at once.</summary>
    public void Start()
    {
        Processor.ReleaseRetiredRings();
        if (IsStarted) return;
        string? overridePath = _getEnvironment(RingOverrideVariable);
        if (!string.IsNullOrEmpty(overridePath))
        {
            _overrideRing = CommandRing.Open(overridePath);
            Processor.AttachRing(_overrideRing.Producer);
            Interlocked.Increment(ref _connections);
            return;
        }
        ConnectionWorker worker;
        lock (_ownership)
        {
            worker = new ConnectionWorker(this, _generation);
            Volatile.Write(ref _worker, worker);
        }
        worker.Start();
    }

    /// <summary>Withdraws the ring and tells the worker to finish (setActive(false) / terminate).
    /// Returns at once: the worker closes its session on its own, and the ring's mapping stays
    /// until no block can touch it.</summary>
    public void Stop()
    {
        ConnectionWorker? worker;
        lock (_ownership)
        {
            _generation++;
            Volatile.Write(ref _session, 0);
            worker = _worker;
            Volatile.Write(ref _worker, null);
        }
        if (worker is not null)
        {
            worker.RequestStop();
            Processor.DetachRing();
        }
        if (_overrideRing is not null)
        {
            Processor.RetireRing(_overrideRing.Producer, _overrideRing);
            _overrideRing = null;
        }
        Processor.ReleaseRetiredRings();
    }

    public void Dispose() => Stop();

    /// <summary>Attaches <paramref name="producer"/> if <paramref name="generation"/> is still the
    /// current activation; false for a worker that has been stopped.</summary>
    internal bool TryAttach(int generation, RingProducer producer, int serverPid, int clientSlot)
    {
        lock (_ownership)
        {
            if (generation != _generation) return false;
            Processor.AttachRing(producer);
            Volatile.Write(ref _session, ((long)serverPid << 32) | (uint)(clientSlot + 1));
            Interlocked.Increment(ref _connections);
            return true;
        }
    }

    /// <summary>The worker of <paramref name="generation"/> closed its session.</summary>
    internal void SessionClosed(int generation)
    {
        lock (_ownership)
        {
            if (generation == _generation) Volatile.Write(ref _session, 0);
        }
    }

    internal void SetStatusPath(string path) => Volatile.Write(ref _statusPath, path);

    internal bool IsCurrent(int generation) => Volatile.Read(ref _generation) == generation;

    internal void ReportError(string? message) => Volatile.Write(ref _lastError, message);

    internal void CountHungServerKilled() => Interlocked.Increment(ref _hungServersKilled);
}
