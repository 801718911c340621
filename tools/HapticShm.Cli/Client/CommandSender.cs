using HapticShm.Shared;
using HapticShm.Shared.Handshake;
using HapticShm.Shared.Protocol;
using HapticShm.Shared.Ring;

namespace HapticShm.Cli.Client;

/// <summary>
/// A CLI client of the server: connects through the handshake like the plugin does, pushes
/// commands into its ring, and keeps its heartbeat fresh while notes are held (the server fades
/// a silent client's voices after 100 ms).
/// </summary>
internal sealed class CommandSender : IDisposable
{
    private readonly ServerSession _session;
    private readonly RingProducer _producer;

    public CommandSender(string clientName)
    {
        _session = HandshakeClient.Connect(clientName);
        _producer = _session.Ring.Producer;
        _producer.StampHeartbeat(MonotonicClock.NowNs());
    }

    public ServerSession Session => _session;

    /// <summary>Pushes a command; false if the ring was full (counted as dropped).</summary>
    public bool Send(Command command)
    {
        _producer.StampHeartbeat(MonotonicClock.NowNs());
        return _producer.TryPush(command);
    }

    /// <summary>Waits <paramref name="duration"/> while stamping the heartbeat every 10 ms.</summary>
    public void Hold(TimeSpan duration)
    {
        long end = MonotonicClock.NowNs() + (long)(duration.TotalMilliseconds * 1e6);
        while (true)
        {
            long now = MonotonicClock.NowNs();
            _producer.StampHeartbeat(now);
            if (now >= end || _session.ServerClosed) return;
            Thread.Sleep((int)Math.Clamp((end - now) / 1_000_000, 1, 10));
        }
    }

    /// <summary>Waits (heartbeating) until the server has read everything we pushed.</summary>
    public bool WaitConsumed(TimeSpan timeout)
    {
        long end = MonotonicClock.NowNs() + (long)(timeout.TotalMilliseconds * 1e6);
        while (MonotonicClock.NowNs() < end)
        {
            RingCounters counters = _session.Ring.ReadCounters();
            if (counters.Head >= counters.Tail) return true;
            Hold(TimeSpan.FromMilliseconds(2));
        }
        return false;
    }

    public void Dispose() => _session.Dispose();
}
