using System.Numerics;
using System.Text;
using HapticShm.Engine;
using HapticShm.Server.Backends;
using HapticShm.Server.Clients;
using HapticShm.Shared;
using HapticShm.Shared.Ring;
using HapticShm.Shared.Status;

namespace HapticShm.Server.Audio;

/// <summary>
/// Writes the status block. The audio callback is its only writer once running (the seqlock
/// needs one); it copies figures the engine, the rings and <see cref="ProcessStats"/> already
/// hold, so publishing costs a few hundred plain stores.
/// </summary>
public sealed unsafe class StatusPublisher
{
    private readonly StatusFile _file;
    private readonly ProcessStats _process;
    private readonly Func<long> _xruns;
    private readonly IBlockTimelineSource? _timeline;
    private readonly IBackendStatusSource? _backend;
    private BackendStatus? _publishedBackend;
    private readonly float[] _peakLevels;
    private readonly VoiceSource[] _sources = new VoiceSource[StatusBlock.MaxVoiceSources];
    private long _readyNs;

    /// <summary>A publisher; <paramref name="timeline"/> (the backend, if it keeps one) and
    /// <paramref name="backend"/> (the backend, if its name and state can change) are read on the
    /// audio thread at each publication.</summary>
    public StatusPublisher(StatusFile file, ProcessStats process, Func<long> xruns, int channelCount, IBlockTimelineSource? timeline = null, IBackendStatusSource? backend = null)
    {
        _file = file;
        _process = process;
        _xruns = xruns;
        _timeline = timeline;
        _backend = backend;
        _peakLevels = new float[Math.Min(channelCount, StatusBlock.MaxTransducers)];
    }

    /// <summary>Writes what is fixed for the life of the server. Call it before the backend starts:
    /// from then on the audio callback is the block's only writer.</summary>
    public void PublishIdentity(string backend, int sampleRate, int blockSize, int channels, long fixedLatencyNs, long startedNs)
    {
        _file.BeginWrite();
        StatusBlock* block = _file.Block;
        block->ServerPid = Environment.ProcessId;
        block->SampleRate = sampleRate;
        block->BlockSize = blockSize;
        block->ChannelCount = channels;
        block->FixedLatencyNs = fixedLatencyNs;
        block->StartedNs = startedNs;
        if (_backend is not null) WriteBackend(block, _publishedBackend = _backend.Status);
        else WriteBackend(block, new BackendStatus(backend, BackendState.Running, ""));
        _file.EndWrite();
    }

    // Encoding into the fixed fields allocates nothing; it runs only when the record changed.
    private static void WriteBackend(StatusBlock* block, BackendStatus status)
    {
        var name = new Span<byte>(block->Backend, StatusBlock.BackendBytes);
        name.Clear();
        Encoding.UTF8.GetBytes(status.Name.AsSpan(0, Math.Min(status.Name.Length, StatusBlock.BackendBytes - 1)), name);
        var reason = new Span<byte>(block->BackendReason, StatusBlock.BackendReasonBytes);
        reason.Clear();
        ReadOnlySpan<char> text = status.Reason;
        while (Encoding.UTF8.GetByteCount(text) > StatusBlock.BackendReasonBytes - 1) text = text[..^1];
        Encoding.UTF8.GetBytes(text, reason);
        block->BackendState = (int)status.State;
    }

    /// <summary>When the server became ready (backend running, socket listening); the next
    /// publication copies it, so readers see ReadyNs != 0 once clients can be served.</summary>
    public void MarkReady(long readyNs) => Volatile.Write(ref _readyNs, readyNs);

    /// <summary>After the callback faulted: publishes the fault and keeps the rest as it was last
    /// published (the engine and the rings are not to be touched any more).</summary>
    public void PublishFault(long callbacks, long faultedNs, long silencedBlocks, long nowNs)
    {
        _file.BeginWrite();
        StatusBlock* block = _file.Block;
        block->UpdatedNs = nowNs;
        block->Callbacks = callbacks;
        block->FaultedNs = faultedNs;
        block->FaultSilencedBlocks = silencedBlocks;
        _file.EndWrite();
    }

    /// <summary>Peak-holds the engine's per-block levels until the next publication.</summary>
    public void AccumulateLevels(ReadOnlySpan<float> levels)
    {
        int n = Math.Min(levels.Length, _peakLevels.Length);
        for (int i = 0; i < n; i++)
            if (levels[i] > _peakLevels[i]) _peakLevels[i] = levels[i];
    }

    /// <summary>Copies the engine's, the rings' and the callback's figures, with the block size and
    /// fixed latency now in force (they follow the device when it changes its block size).</summary>
    public void Publish(StimulusEngine engine, ClientSlot[] clients, CallbackLoad load, in BlockTiming timing, long callbacks, long nowNs)
    {
        _file.BeginWrite();
        StatusBlock* block = _file.Block;
        block->UpdatedNs = nowNs;
        block->BlockSize = timing.BlockSize;
        block->FixedLatencyNs = timing.FixedLatencyNs;
        block->ReadyNs = Volatile.Read(ref _readyNs);
        block->Callbacks = callbacks;
        block->LoadMeanPercent = load.MeanPercent;
        block->LoadMaxPercent = load.MaxPercent;
        block->MaxCallbackNs = load.MaxNsSinceStart;
        block->Overruns = load.Overruns;
        block->Xruns = _xruns();
        EngineCounters counters = engine.Counters;
        block->ActiveVoices = engine.ActiveVoices;
        block->PeakVoices = (int)counters.PeakVoices;
        block->Late = counters.Late;
        block->Stolen = counters.Stolen;
        block->Rejected = counters.Rejected;
        block->NotesPlayed = counters.NotesPlayed;
        block->GcCount = _process.GcCount;
        block->AllocatedBytes = _process.AllocatedBytes;
        if (_backend is not null && _backend.Status is var backend && !ReferenceEquals(backend, _publishedBackend))
        {
            WriteBackend(block, backend);
            _publishedBackend = backend;
        }
        if (_timeline is not null)
        {
            // Called from inside the render callback: this is the block being rendered now.
            BlockTimeline timeline = _timeline.Timeline;
            block->TimelineFrame = timeline.Frame;
            block->TimelineStartNs = timeline.StartNs;
            block->TimelineSteps = timeline.Steps;
            block->TimelineResyncs = timeline.Resyncs;
        }
        for (int i = 0; i < _peakLevels.Length; i++)
        {
            block->Levels[i] = _peakLevels[i];
            _peakLevels[i] = 0;
        }
        PublishGeometry(block, engine);
        int active = 0;
        for (int i = 0; i < clients.Length && i < StatusBlock.MaxClients; i++)
        {
            ref ClientStatus entry = ref block->Client(i);
            ClientSlot client = clients[i];
            if (client.State != ClientState.Active)
            {
                entry.Active = 0;
                continue;
            }
            active++;
            RingCounters ring = client.Ring!.ReadCounters();
            entry.Active = 1;
            entry.Pid = client.Pid;
            entry.Capacity = client.Ring.Capacity;
            entry.ActiveVoices = engine.ActiveVoicesOf(i);
            entry.SetName(client.NameUtf8.AsSpan(0, client.NameLength));
            entry.Pushed = ring.Pushed;
            entry.DroppedFull = ring.DroppedFull;
            entry.Popped = ring.Popped;
            entry.Rejected = ring.RejectedInvalid;
            entry.Late = ring.Late;
            entry.Fill = ring.Fill;
            entry.HeartbeatAgeNs = ring.ProducerHeartbeatNs == 0 ? -1 : nowNs - ring.ProducerHeartbeatNs;
            entry.ConnectedNs = client.ConnectedNs;
            entry.StallFades = client.StallFades;
            entry.Clock = ring.ProducerClock;
        }
        block->ClientCount = active;
        _file.EndWrite();
    }

    // The layout is fixed for the server's life, but copying it here keeps the audio callback the
    // block's only writer; 512 stores every publication are nothing next to a block's render.
    private void PublishGeometry(StatusBlock* block, StimulusEngine engine)
    {
        ReadOnlySpan<Vector2> positions = engine.Layout.Positions;
        int transducers = Math.Min(positions.Length, StatusBlock.MaxTransducers);
        for (int i = 0; i < transducers; i++)
        {
            block->TransducerX[i] = positions[i].X;
            block->TransducerY[i] = positions[i].Y;
        }
        block->TransducerCount = transducers;
        int sources = engine.CopyVoiceSources(_sources);
        for (int i = 0; i < sources; i++)
        {
            ref readonly VoiceSource source = ref _sources[i];
            ref VoiceSourceStatus entry = ref block->VoiceSource(i);
            entry.X = source.Position.X;
            entry.Y = source.Position.Y;
            entry.Level = source.Level;
            entry.Kind = source.IsPhantom ? VoiceSourceKind.Phantom : source.IsStanding ? VoiceSourceKind.Standing : VoiceSourceKind.Wave;
            entry.ClientSlot = (byte)Math.Clamp(source.ClientId, 0, byte.MaxValue);
            entry.Note = (byte)Math.Clamp(source.Note, 0, 127);
            entry.Released = source.IsReleased ? (byte)1 : (byte)0;
        }
        for (int i = sources; i < StatusBlock.MaxVoiceSources; i++) block->VoiceSource(i) = default;
        block->VoiceSourceCount = sources;
    }
}
