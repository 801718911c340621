using System.Runtime.CompilerServices;
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
/// <remarks>
/// <para>Real-time contract: runs on the device thread; no allocation, no lock, no I/O, no
/// syscall beyond the vDSO clock, returns promptly, no exception escapes.</para>
/// <para>Bounded: each block drains at most one ring's worth of each client (a producer faster
/// than the engine cannot keep this thread in the loop; the rest waits for the next block), and
/// a block larger than the engine's maximum is rendered in pieces.</para>
/// <para>The fault policy, the same whatever the backend: the first exception latches the fault.
/// That block and every later one is silence, the engine and the rings are never touched again,
/// the silenced blocks are counted and published in the status block; the main thread sees
/// <see cref="HasFailed"/>, logs <see cref="Fault"/> and stops the server.</para>
/// <para>The block size is read from every block: when it changes (an ASIO reset, a JACK
/// buffer-size change) the fixed latency, the load period and the publication rate follow.</para>
/// </remarks>
public sealed class AudioCallback
{
    /// <summary>A client's voices fade when its heartbeat is older than this while they sound.</summary>
    public const long StallThresholdNs = 100_000_000;

    private readonly StimulusEngine _engine;
    private readonly ClientSlot[] _clients;
    private readonly StatusPublisher _status;
    private readonly CallbackLoad _load;
    private readonly long _latencyMarginNs;
    private readonly nint[] _piece;
    private BlockTiming _timing;
    private int _blockSize;        // mirrors of _timing for other threads (the listener's welcome)
    private long _fixedLatencyNs;
    private int _blocksSincePublish;
    private long _faultedNs;
    private long _silencedBlocks;
    private Exception? _fault;

    /// <summary>A callback for blocks of <paramref name="blockSize"/> frames to start with; the
    /// engine's fixed latency is set from it (two blocks plus <paramref name="latencyMarginNs"/>).</summary>
    public AudioCallback(StimulusEngine engine, ClientSlot[] clients, StatusPublisher status, int blockSize, long latencyMarginNs)
    {
        _engine = engine;
        _clients = clients;
        _status = status;
        _latencyMarginNs = latencyMarginNs;
        _piece = new nint[engine.ChannelCount];
        _timing = BlockTiming.For(engine.SampleRate, blockSize, latencyMarginNs);
        _load = new CallbackLoad(_timing.PeriodNs, _timing.BlocksPerSecond);
        ApplyTiming();
    }

    /// <summary>True once the callback has faulted (latched: it stays true).</summary>
    public bool HasFailed => Volatile.Read(ref _faultedNs) != 0;

    /// <summary>What the callback threw, once <see cref="HasFailed"/>.</summary>
    public Exception? Fault => Volatile.Read(ref _fault);

    /// <summary>Blocks output as silence because of the fault.</summary>
    public long SilencedBlocks => Volatile.Read(ref _silencedBlocks);

    /// <summary>Frames per block of the latest callback (or the start-up size before the first).</summary>
    public int BlockSize => Volatile.Read(ref _blockSize);

    /// <summary>The fixed latency now in force: what a client joining now is told.</summary>
    public long FixedLatencyNs => Volatile.Read(ref _fixedLatencyNs);

    public long Callbacks { get; private set; }

    /// <summary>The <see cref="HapticShm.Server.Backends.AudioRenderCallback"/>.</summary>
    public void Render(ChannelBuffers output, long blockStartNs)
    {
        long startNs = MonotonicClock.NowNs();
        if (_faultedNs == 0)
        {
            try
            {
                if (output.Frames != _timing.BlockSize) ChangeBlockSize(output.Frames);
                for (int i = 0; i < _clients.Length; i++) ServeClient(_clients[i], startNs);
                RenderEngine(output, blockStartNs);
                ReportLate();
            }
            catch (Exception e)
            {
                Volatile.Write(ref _fault, e);
                Volatile.Write(ref _faultedNs, Math.Max(1, startNs));
            }
        }
        if (_faultedNs != 0)
        {
            for (int c = 0; c < output.ChannelCount; c++) output[c].Clear();
            Volatile.Write(ref _silencedBlocks, _silencedBlocks + 1);
        }
        Callbacks++;
        _load.Add(MonotonicClock.NowNs() - startNs);
        if (++_blocksSincePublish >= _timing.BlocksPerPublish)
        {
            _blocksSincePublish = 0;
            Publish(startNs);
        }
    }

    private void ServeClient(ClientSlot client, long nowNs)
    {
        switch (client.State)
        {
            case ClientState.Active:
                var consumer = client.Consumer!;
                consumer.StampHeartbeat(nowNs);
                // At most one ring's worth per block, whatever the producer does meanwhile.
                long end = consumer.Position + client.Ring!.Capacity;
                while (consumer.Position < end && consumer.TryPop(out Command command)) _engine.Submit(command, client.Index);
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

    // A block larger than the engine takes is rendered in pieces over the same channels.
    private unsafe void RenderEngine(ChannelBuffers output, long blockStartNs)
    {
        int frames = output.Frames, max = _engine.MaxBlockFrames;
        if (frames <= max)
        {
            _engine.Render(output, blockStartNs);
            _status.AccumulateLevels(_engine.Levels);
            return;
        }
        for (int offset = 0; offset < frames; offset += max)
        {
            int count = Math.Min(max, frames - offset);
            for (int c = 0; c < output.ChannelCount; c++)
                _piece[c] = (nint)Unsafe.AsPointer(ref output[c][offset]);
            long pieceStartNs = blockStartNs + (long)(offset * 1e9 / _timing.SampleRate);
            _engine.Render(new ChannelBuffers(_piece.AsSpan(0, output.ChannelCount), count), pieceStartNs);
            _status.AccumulateLevels(_engine.Levels);
        }
    }

    private void ChangeBlockSize(int frames)
    {
        _timing = BlockTiming.For(_timing.SampleRate, frames, _latencyMarginNs);
        _load.ChangePeriod(_timing.PeriodNs, _timing.BlocksPerSecond);
        ApplyTiming();
    }

    private void ApplyTiming()
    {
        _engine.FixedLatencyNs = _timing.FixedLatencyNs;
        Volatile.Write(ref _blockSize, _timing.BlockSize);
        Volatile.Write(ref _fixedLatencyNs, _timing.FixedLatencyNs);
    }

    private void Publish(long nowNs)
    {
        try
        {
            if (_faultedNs == 0) _status.Publish(_engine, _clients, _load, _timing, Callbacks, nowNs);
            else _status.PublishFault(Callbacks, _faultedNs, _silencedBlocks, nowNs);
        }
        catch (Exception e)
        {
            if (_faultedNs != 0) return; // the fault is latched already; nothing else to tell
            Volatile.Write(ref _fault, e);
            Volatile.Write(ref _faultedNs, Math.Max(1, nowNs));
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
