using HapticShm.Plugin.Core.Processing;
using HapticShm.Shared.Handshake;
using HapticShm.Shared.Ring;

namespace HapticShm.Plugin.Core.Connection;

/// <summary>
/// Keeps a <see cref="PluginProcessor"/> supplied with a ring while the plugin is active
/// (setActive(true) .. setActive(false) / terminate): a background thread connects to the
/// server (handshake), attaches the ring, watches the session every
/// <see cref="PollInterval"/> and, when the server goes away, withdraws the ring, asks the
/// launcher (if any) to start a server, and reconnects. The audio thread only ever sees "ring" or
/// "no ring".
/// </summary>
/// <remarks>
/// Test seam: when the environment variable <see cref="RingOverrideVariable"/> names a ring file,
/// <see cref="Start"/> maps that ring directly and no server is involved.
/// </remarks>
public sealed class RingConnection : IDisposable
{
    /// <summary>Path of an existing ring file to write into instead of asking the server (tests).</summary>
    public const string RingOverrideVariable = "HAPTICSHM_PLUGIN_RING";

    /// <summary>How often the session is checked; a dead server is noticed within this (plus the check).</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    private static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(100);

    private readonly PluginProcessor _processor;
    private readonly string? _socketPath;
    private readonly Func<bool>? _launchServer;
    private readonly string _clientName;
    private readonly Func<string, string?> _getEnvironment;
    private ManualResetEventSlim? _stop;
    private Thread? _thread;
    private CommandRing? _overrideRing;
    private int _connections;
    private string? _lastError;

    /// <param name="processor">Receives the rings.</param>
    /// <param name="socketPath">The server socket; null for <see cref="Shared.Platform.RuntimePaths.SocketPath"/>.</param>
    /// <param name="launchServer">Starts a server when none answers (returns false if it could not); null to only wait for one.</param>
    /// <param name="getEnvironment">Reads an environment variable; the NativeAOT plugin passes libc getenv
    /// because the runtime's copy of the environment goes stale once a process has been started.</param>
    public RingConnection(PluginProcessor processor, string? socketPath = null, Func<bool>? launchServer = null, Func<string, string?>? getEnvironment = null)
    {
        _getEnvironment = getEnvironment ?? Environment.GetEnvironmentVariable;
        _processor = processor;
        _socketPath = socketPath;
        _launchServer = launchServer;
        _clientName = $"HapticShm VST3 ({Environment.ProcessId})";
    }

    /// <summary>Sessions opened so far (each reconnect adds one).</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Why the last attempt failed, for diagnostics; null after a success.</summary>
    public string? LastError => Volatile.Read(ref _lastError);

    /// <summary>Whether the background thread runs (or the override ring is mapped).</summary>
    public bool IsStarted => _thread is not null || _overrideRing is not null;

    /// <summary>Starts supplying rings (called from setActive(true), never on the audio thread).</summary>
    public void Start()
    {
        if (IsStarted) return;
        string? overridePath = _getEnvironment(RingOverrideVariable);
        if (!string.IsNullOrEmpty(overridePath))
        {
            _overrideRing = CommandRing.Open(overridePath);
            _processor.AttachRing(_overrideRing.Producer);
            Interlocked.Increment(ref _connections);
            return;
        }
        var stop = new ManualResetEventSlim(false);
        _stop = stop;
        _thread = new Thread(() => Run(stop)) { IsBackground = true, Name = "HapticShm connection" };
        _thread.Start();
    }

    /// <summary>Stops the thread, withdraws the ring (waiting until the audio thread no longer
    /// uses it) and closes the session.</summary>
    public void Stop()
    {
        if (_thread is not null)
        {
            _stop!.Set();
            _thread.Join();
            _thread = null;
            _stop.Dispose();
            _stop = null;
        }
        if (_overrideRing is not null)
        {
            _processor.DetachRing();
            _overrideRing.Dispose();
            _overrideRing = null;
        }
    }

    public void Dispose() => Stop();

    private void Run(ManualResetEventSlim stop)
    {
        ServerSession? session = null;
        bool launched = false;
        try
        {
            while (!stop.IsSet)
            {
                try
                {
                    if (Step(ref session, ref launched)) stop.Wait(session is null ? RetryInterval : PollInterval);
                }
                catch (Exception e)
                {
                    // Nothing may escape a thread inside the host: note it, drop the session, retry.
                    Volatile.Write(ref _lastError, e.Message);
                    Close(ref session);
                    stop.Wait(RetryInterval);
                }
            }
        }
        finally
        {
            Close(ref session);
        }
    }

    /// <summary>One round: connect if needed, else check the session. True when the caller should wait.</summary>
    private bool Step(ref ServerSession? session, ref bool launched)
    {
        if (session is null)
        {
            session = TryConnect(ref launched);
            return true;
        }
        if (session.ServerClosed)
        {
            // The server died or exited: the audio thread drops (and counts) from now on.
            Close(ref session);
            launched = false;
            return false;
        }
        return true;
    }

    private ServerSession? TryConnect(ref bool launched)
    {
        try
        {
            ServerSession session = HandshakeClient.Connect(_clientName, _socketPath, timeoutMs: 1000);
            _processor.AttachRing(session.Ring.Producer);
            Interlocked.Increment(ref _connections);
            Volatile.Write(ref _lastError, null);
            return session;
        }
        catch (ServerUnavailableException e)
        {
            Volatile.Write(ref _lastError, e.Message);
            // Launch once per outage; the launcher makes racing instances end up with one server.
            if (!launched && _launchServer is not null) launched = SafeLaunch();
        }
        catch (Exception e) when (e is HandshakeRejectedException or RingFormatException or IOException or UnauthorizedAccessException)
        {
            Volatile.Write(ref _lastError, e.Message);
        }
        return null;
    }

    private bool SafeLaunch()
    {
        try { return _launchServer!(); }
        catch (Exception e)
        {
            Volatile.Write(ref _lastError, "could not start the server: " + e.Message);
            return false;
        }
    }

    private void Close(ref ServerSession? session)
    {
        if (session is null) return;
        _processor.DetachRing();
        session.Dispose();
        session = null;
    }
}
