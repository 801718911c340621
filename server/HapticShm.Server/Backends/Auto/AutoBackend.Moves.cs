using HapticShm.Server.Backends.Jack;
using HapticShm.Shared;
using HapticShm.Shared.Status;

namespace HapticShm.Server.Backends.Auto;

// The watcher thread: an ordinary (not real-time) thread that probes for JACK while on null and
// makes the moves. Everything that opens, starts, stops or closes a device runs here (or on the
// thread that calls Open/Start/Stop), never on a device thread.
public sealed partial class AutoBackend
{
    private readonly AutoResetEvent _wake;
    private Thread? _watcher;
    private volatile bool _stopping;
    private string? _lastRefusal;
    private string _nullReason = "";

    /// <summary>Monotonic time of the latest move to JACK: the probe that found it answering, the
    /// JACK client activated with its ports and connections, the ownership handed over (ns).</summary>
    public (long AnsweredNs, long StartedNs, long OwnedNs) LastMoveToJack { get; private set; }

    private void StartWatcher()
    {
        _stopping = false;
        _watcher = new Thread(Watch) { Name = "hapticshm backend watcher", IsBackground = true };
        _watcher.Start();
    }

    private void StopWatcher()
    {
        if (_watcher is null) return;
        _stopping = true;
        _wake.Set();
        _watcher.Join();
        _watcher = null;
    }

    private void Watch()
    {
        while (!_stopping)
        {
            // On JACK there is nothing to ask: its shutdown callback wakes us. The timeout is a
            // second way to notice, should a shutdown ever come without the callback.
            _wake.WaitOne(ProbeIntervalMs);
            if (_stopping) return;
            if (_jack is { } jack)
            {
                if (jack.ServerGone) MoveToNull(jack);
            }
            else
            {
                TryMoveToJack();
            }
        }
    }

    private void TryMoveToJack()
    {
        long answeredNs = MonotonicClock.NowNs();
        int rate = _probe.SampleRate();
        if (rate == 0)
        {
            if (_lastRefusal is not null) _status = Waiting(_nullReason); // the JACK we could not join went away
            _lastRefusal = null;
            return;
        }
        if (rate != _sampleRate)
        {
            Refuse($"JACK server '{_probe.ServerName}' runs at {rate} Hz, this server at {_sampleRate} Hz: restart the server to follow it");
            return;
        }
        var jack = new JackBackend(_jackOptions);
        try
        {
            jack.Open(_channels);
            if (jack.SampleRate != _sampleRate) throw new AudioBackendException($"it now runs at {jack.SampleRate} Hz");
            jack.Start(_fromJack); // its cycles are silent until it owns the callback
        }
        catch (AudioBackendException e)
        {
            jack.Dispose();
            Refuse($"JACK server '{_probe.ServerName}' answered but: {e.Message}");
            return;
        }
        long startedNs = MonotonicClock.NowNs();
        _jack = jack;
        _owner = OwnerJack;
        long ownedNs = MonotonicClock.NowNs();
        _null!.Stop(); // returns after the null clock's last block
        Interlocked.Increment(ref _moves);
        _lastRefusal = null;
        _status = Running();
        LastMoveToJack = (answeredNs, startedNs, ownedNs);
        _log?.Invoke($"auto backend: moved to JACK server '{_probe.ServerName}' ({jack.ClientName}, {jack.SampleRate} Hz, {jack.BlockSize} frames, {jack.ChannelCount} ports) {(ownedNs - answeredNs) / 1e6:F1} ms after the probe that found it");
    }

    private void MoveToNull(JackBackend jack)
    {
        string reason = $"JACK server '{_probe.ServerName}' shut down";
        _owner = OwnerNull;
        _null!.Start(_fromNull); // first, so the clients keep their clock; the dead client closes after
        _status = Waiting(_nullReason = reason);
        long closingNs = MonotonicClock.NowNs();
        _jack = null;
        Interlocked.Add(ref _retiredXruns, jack.Xruns);
        Interlocked.Increment(ref _moves);
        jack.Stop();
        jack.Dispose();
        _log?.Invoke($"auto backend: {reason}; back on null, {StatusBlock.WaitingForJackText} (the dead client closed in {(MonotonicClock.NowNs() - closingNs) / 1e6:F1} ms)");
    }

    // A JACK that answers but cannot be joined is logged once per reason, not every probe.
    private void Refuse(string reason)
    {
        if (reason == _lastRefusal) return;
        _lastRefusal = reason;
        _status = Waiting(reason);
        _log?.Invoke($"auto backend: staying on null: {reason}");
    }
}
