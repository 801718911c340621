using HapticShm.Shared;
using HapticShm.Shared.Ring;

namespace HapticShm.EndToEnd.Tests;

/// <summary>Stamps a ring's producer heartbeat every 5 ms on a thread of its own, as a host's audio
/// thread keeps doing while a note is held, until disposed: the server never sees the client stall.</summary>
public sealed class HeldHeartbeat : IDisposable
{
    private readonly RingProducer _ring;
    private readonly Thread _thread;
    private volatile bool _stop;

    public HeldHeartbeat(RingProducer ring)
    {
        _ring = ring;
        ring.StampHeartbeat(MonotonicClock.NowNs());
        _thread = new Thread(Run) { IsBackground = true, Name = "test heartbeat" };
        _thread.Start();
    }

    private void Run()
    {
        while (!_stop)
        {
            _ring.StampHeartbeat(MonotonicClock.NowNs());
            Thread.Sleep(5);
        }
    }

    public void Dispose()
    {
        _stop = true;
        _thread.Join();
    }
}
