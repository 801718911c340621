using HapticShm.Plugin.Core.Timing;
using HapticShm.Shared;
using HapticShm.Shared.Handshake;
using HapticShm.Shared.Platform;
using HapticShm.Shared.Ring;

namespace HapticShm.Plugin.Core.Connection;

/// <summary>
/// The background thread of one activation of a <see cref="RingConnection"/>: connect, attach,
/// watch (socket and status heartbeat), kill a hung server, launch, reconnect, until told to stop.
/// Launches follow a <see cref="ServerLaunchSchedule"/>: at once, then again with a back-off while
/// no server answers (a launched server may die before it ever listens).
/// In steady state (a session open and healthy) one round allocates nothing: a socket poll with a
/// preallocated buffer and one read from the mapped status block.
/// </summary>
internal sealed class ConnectionWorker : IDisposable
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(100);
    // After a kill, how long to wait for the server's socket to close before going on anyway.
    private const int KillSettleMs = 1000;

    private readonly RingConnection _owner;
    private readonly int _generation;
    private readonly ManualResetEventSlim _stop = new(false);
    private readonly ServerHeartbeatWatch _watch = new();
    private readonly ServerLaunchSchedule _launches = new();
    private readonly Thread _thread;
    private ServerSession? _session;
    private ServerProcess? _server;
    private bool _attached;
    private long _watchStartBytes = -1;
    private long _watchAllocatedBytes;

    public ConnectionWorker(RingConnection owner, int generation)
    {
        _owner = owner;
        _generation = generation;
        _thread = new Thread(Run) { IsBackground = true, Name = "HapticShm connection" };
    }

    public long WatchAllocatedBytes => Volatile.Read(ref _watchAllocatedBytes);

    public void Start() => _thread.Start();

    /// <summary>Asks the thread to finish; it does so on its own, never waited for.</summary>
    public void RequestStop()
    {
        try { _stop.Set(); }
        catch (ObjectDisposedException) { } // the thread already ended on its own
    }

    private void Run()
    {
        try
        {
            while (!_stop.IsSet)
            {
                bool wait = true;
                try
                {
                    wait = Step();
                    _owner.ReapLaunched?.Invoke();
                }
                catch (Exception e)
                {
                    // Nothing may escape a thread inside the host: note it, drop the session, retry.
                    Report(e.Message);
                    CloseSession();
                }
                if (wait) _stop.Wait(_session is null ? RetryInterval : RingConnection.PollInterval);
            }
        }
        catch (Exception e)
        {
            Report(e.Message);
        }
        finally
        {
            Dispose();
        }
    }

    /// <summary>Closes the session and releases the thread's resources; the thread calls it as it ends.</summary>
    public void Dispose()
    {
        CloseSession();
        _watch.Dispose();
        _stop.Dispose();
    }

    /// <summary>One round: connect if needed, else check the session. True when the caller should wait.</summary>
    private bool Step()
    {
        if (_session is null)
        {
            TryConnect();
            return true;
        }
        if (_session.ServerClosed)
        {
            // The server died or exited: the audio thread drops (and counts) from now on.
            CloseSession();
            return false;
        }
        if (_watch.IsStalled(MonotonicClock.NowNs(), (long)RingConnection.HangTimeout.TotalNanoseconds))
        {
            KillHungServer();
            return false;
        }
        // The audio thread stamps on the server's timeline when host and server share JACK's cycles.
        if (_watch.TryReadTimeline(out ServerTimeline timeline)) _owner.Processor.ServerTimeline.Publish(timeline);
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        if (_watchStartBytes < 0) _watchStartBytes = allocated;
        Volatile.Write(ref _watchAllocatedBytes, allocated - _watchStartBytes);
        return true;
    }

    private void TryConnect()
    {
        try
        {
            string socketPath = _owner.SocketPath ?? RuntimePaths.SocketPath;
            string statusPath = Path.Combine(Path.GetDirectoryName(socketPath) ?? ".", "status.shm");
            _owner.SetStatusPath(statusPath);
            ServerSession session = HandshakeClient.Connect(_owner.ClientName, socketPath, timeoutMs: 1000);
            _session = session;
            _launches.Reset(); // a server answered: the next outage launches at once
            // Pinned while the session is open, so the pid is certainly still this server's.
            _server = ServerProcess.TryPin(session.ServerPid);
            _watch.Begin(statusPath, session.ServerPid, MonotonicClock.NowNs());
            _watchStartBytes = -1;
            _attached = _owner.TryAttach(_generation, session.Ring.Producer, session.ServerPid, session.ClientSlot);
            if (_attached) Report(null);
        }
        catch (ServerUnavailableException e)
        {
            Report(e.Message);
            // The server's single-instance lock makes racing launches end up with one server.
            if (_owner.LaunchServer is not null && !_stop.IsSet && _launches.IsDue(_owner.LaunchClockNs()) && SafeLaunch())
                _launches.Launched(_owner.LaunchClockNs());
        }
        catch (Exception e) when (e is HandshakeRejectedException or RingFormatException or IOException or UnauthorizedAccessException)
        {
            Report(e.Message);
        }
    }

    // The socket is open but the heartbeat stopped: kill that server (if it may be killed), wait
    // until it is gone, drop the session; the next rounds launch a fresh one and reconnect.
    private void KillHungServer()
    {
        ServerSession session = _session!;
        if (_server is not null && _server.Kill())
        {
            _owner.CountHungServerKilled();
            for (int i = 0; i < KillSettleMs / 5 && !session.ServerClosed; i++) Thread.Sleep(5);
            Report($"the server (pid {session.ServerPid}) stopped publishing for {RingConnection.HangTimeout.TotalMilliseconds:F0} ms: killed it");
        }
        else
        {
            Report($"the server (pid {session.ServerPid}) stopped publishing for {RingConnection.HangTimeout.TotalMilliseconds:F0} ms and may not be killed from here");
        }
        CloseSession();
    }

    private bool SafeLaunch()
    {
        try { return _owner.LaunchServer!(); }
        catch (Exception e)
        {
            Report("could not start the server: " + e.Message);
            return false;
        }
    }

    private void CloseSession()
    {
        _watch.Dispose();
        _server?.Dispose();
        _server = null;
        ServerSession? session = _session;
        if (session is null) return;
        _session = null;
        _owner.SessionClosed(_generation);
        _owner.Processor.ServerTimeline.Clear();
        if (_attached) _owner.Processor.RetireRing(session.Ring.Producer, session); // unmapped once no block can touch it
        else session.Dispose(); // never attached: no block has seen it
        _attached = false;
    }

    private void Report(string? message)
    {
        if (_owner.IsCurrent(_generation)) _owner.ReportError(message);
    }
}
