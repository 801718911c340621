using HapticShm.Engine;
using HapticShm.Engine.Audio;
using HapticShm.Server.Clients;
using HapticShm.Shared;
using HapticShm.Shared.Protocol;

namespace HapticShm.Server.Audio;

/// <summary>
/// The server's real-time work, once per block: stamp each client's consumer heartbeat, drain its
/// ring into the engine, watch its heartbeat, render, and publish status now and then.
/// </summary>
/// <remarks>Real-time contract: runs on the device thread; no allocation, no lock, no I/O, no
/// syscall beyond the vDSO clock, no exception escapes (a failure sets <see cref="HasFailed"/>
/// and outputs silence; the main thread reports and stops).</remarks>
public sealed class AudioCallback
{
    /// <summary>A client's voices fade when its heartbeat is older than this while they sound.</summary>
    public const long StallThresholdNs = 100_000_000;

    private readonly StimulusEngine _engine;
    private readonly ClientSlot[] _clients;
    private readonly StatusPublisher _status;
    private readonly CallbackLoad _load;
    private readonly int _blocksPerPublish;
    private int _blocksSincePublish;
    private int _failed;

    public AudioCallback(StimulusEngine engine, ClientSlot[] clients, StatusPublisher status, int sampleRate, int blockSize)
    {
        _engine = engine;
        _clients = clients;
        _status = status;
        double periodNs = blockSize * 1e9 / sampleRate;
        _load = new CallbackLoad(periodNs, Math.Max(1, sampleRate / blockSize));
        _blocksPerPublish = Math.Max(1, sampleRate / blockSize / 100); // about every 10 ms
    }

    public bool HasFailed => Volatile.Read(ref _failed) != 0;

    public long Callbacks { get; private set; }

    /// <summary>The <see cref="HapticShm.Server.Backends.AudioRenderCallback"/>.</summary>
    public void Render(ChannelBuffers output, long blockStartNs)
    {
        long startNs = MonotonicClock.NowNs();
        try
        {
            for (int i = 0; i < _clients.Length; i++) ServeClient(_clients[i], startNs);
            _engine.Render(output, blockStartNs);
            _status.AccumulateLevels(_engine.Levels);
            ReportLate();
        }
        catch (Exception)
        {
            Volatile.Write(ref _failed, 1);
            for (int c = 0; c < output.ChannelCount; c++) output[c].Clear();
        }
        Callbacks++;
        _load.Add(MonotonicClock.NowNs() - startNs);
        if (++_blocksSincePublish >= _blocksPerPublish)
        {
            _blocksSincePublish = 0;
            _status.Publish(_engine, _clients, _load, Callbacks, startNs);
        }
    }

    private void ServeClient(ClientSlot client, long nowNs)
    {
        switch (client.State)
        {
            case ClientState.Active:
                var consumer = client.Consumer!;
                consumer.StampHeartbeat(nowNs);
                while (consumer.TryPop(out Command command)) _engine.Submit(command, client.Index);
                WatchHeartbeat(client, nowNs);
                break;
            case ClientState.Closing:
                // The client is gone: fade what it left sounding, then let the listener free the slot.
                _engine.FadeOutClient(client.Index);
                client.LateReported = _engine.LateOf(client.Index);
                client.State = ClientState.Closed;
                break;
        }
    }

    private void WatchHeartbeat(ClientSlot client, long nowNs)
    {
        long ageNs = nowNs - client.Consumer!.ProducerHeartbeatNs;
        if (ageNs <= StallThresholdNs)
        {
            client.StallFaded = false;
            return;
        }
        if (client.StallFaded || _engine.ActiveVoicesOf(client.Index) == 0) return;
        // Host hung or stopped processing while notes sound: fade them rather than drone on.
        _engine.FadeOutClient(client.Index);
        client.StallFaded = true;
        client.StallFades++;
    }

    private void ReportLate()
    {
        for (int i = 0; i < _clients.Length; i++)
        {
            ClientSlot client = _clients[i];
            if (client.State != ClientState.Active) continue;
            long late = _engine.LateOf(client.Index);
            if (late == client.LateReported) continue;
            client.Consumer!.CountLate((int)(late - client.LateReported));
            client.LateReported = late;
        }
    }
}
