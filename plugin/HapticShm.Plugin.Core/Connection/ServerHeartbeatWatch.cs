using HapticShm.Plugin.Core.Timing;
using HapticShm.Shared.Status;

namespace HapticShm.Plugin.Core.Connection;

/// <summary>
/// Tells a hung server from a live one: the server's audio callback publishes the status block
/// about every 10 ms, stamping <see cref="StatusBlock.UpdatedNs"/>; when that stamp has not moved
/// for the timeout, the server is hung (stopped, deadlocked) even though its socket is open.
/// Mapped once per session (that allocates); each check then reads one long from the mapping and
/// allocates nothing. Until the block is mapped (or if it names another server) nothing is judged.
/// </summary>
internal sealed unsafe class ServerHeartbeatWatch : IDisposable
{
    // How long after connecting a missing status block is looked for again, and how often.
    private const long OpenWindowNs = 2_000_000_000;
    private const long OpenRetryNs = 200_000_000;

    private StatusFile? _status;
    private string _path = "";
    private int _serverPid;
    private long _sessionStartNs;
    private long _lastOpenAttemptNs;
    private long _lastBeat;
    private long _lastChangeNs;
    private long _lastCheckNs;

    /// <summary>Whether the status block is mapped and being judged.</summary>
    public bool IsWatching => _status is not null;

    /// <summary>Starts watching the server <paramref name="serverPid"/> of a new session.</summary>
    public void Begin(string statusPath, int serverPid, long nowNs)
    {
        Dispose();
        _path = statusPath;
        _serverPid = serverPid;
        _sessionStartNs = nowNs;
        TryOpen(nowNs);
    }

    /// <summary>True when the heartbeat has not moved for <paramref name="timeoutNs"/>.</summary>
    public bool IsStalled(long nowNs, long timeoutNs)
    {
        if (_status is null)
        {
            if (nowNs - _sessionStartNs < OpenWindowNs && nowNs - _lastOpenAttemptNs >= OpenRetryNs) TryOpen(nowNs);
            return false;
        }
        long beat = Volatile.Read(ref _status.Block->UpdatedNs);
        long sinceLastCheck = nowNs - _lastCheckNs;
        _lastCheckNs = nowNs;
        // A check that itself came late means the whole machine was starved, not that the server
        // hung: start the count again rather than kill a healthy server on a busy machine.
        if (beat != _lastBeat || sinceLastCheck > timeoutNs / 2)
        {
            _lastBeat = beat;
            _lastChangeNs = nowNs;
            return false;
        }
        return nowNs - _lastChangeNs >= timeoutNs;
    }

    /// <summary>The server's timeline from the status block (a consistent read; false while the
    /// block is not mapped or was being written every time it looked).</summary>
    public bool TryReadTimeline(out ServerTimeline timeline)
    {
        timeline = default;
        if (_status is null || !_status.TryRead(out StatusBlock snapshot) || snapshot.ServerPid != _serverPid) return false;
        timeline = new ServerTimeline(unchecked((uint)snapshot.TimelineFrame), snapshot.TimelineStartNs, snapshot.SampleRate,
            snapshot.BlockSize, snapshot.TimelineSteps, snapshot.TimelineResyncs, snapshot.FixedLatencyNs);
        return true;
    }

    private void TryOpen(long nowNs)
    {
        _lastOpenAttemptNs = nowNs;
        StatusFile? status = null;
        try
        {
            status = StatusFile.Open(_path);
            // A block left by an earlier server (or someone else's) says nothing about ours.
            if (status.TryRead(out StatusBlock snapshot) && snapshot.ServerPid == _serverPid)
            {
                _status = status;
                _lastBeat = snapshot.UpdatedNs;
                _lastChangeNs = nowNs;
                _lastCheckNs = nowNs;
                return;
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
        }
        status?.Dispose();
    }

    public void Dispose()
    {
        _status?.Dispose();
        _status = null;
    }
}
