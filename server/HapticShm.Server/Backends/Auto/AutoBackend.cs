using HapticShm.Engine.Audio;
using HapticShm.Jack;
using HapticShm.Server.Backends.Jack;
using HapticShm.Server.Backends.Null;
using HapticShm.Shared.Status;

namespace HapticShm.Server.Backends.Auto;

/// <summary>
/// <c>--backend auto</c>: JACK when a JACK server answers, else the null clock, and it moves
/// between them while the server runs. On null, a watcher thread asks for JACK every
/// <see cref="ProbeIntervalMs"/> and moves to it when it answers (ports registered, connect map
/// applied); when JACK shuts down it moves back to null at once and looks again. The engine,
/// the clients and their rings never notice: one render callback serves both backends.
/// </summary>
/// <remarks>
/// <para>Design. Each backend calls the render callback through its own gate: a block renders only
/// if its backend is the owner (<see cref="_owner"/>) and no other backend's thread is inside the
/// callback (<see cref="_rendering"/>, taken with one compare-and-swap, never waited for); any
/// other block is written as silence. So the callback never runs on two threads at once, and a
/// move is: start the new backend (its blocks are silent while it is not the owner), hand it the
/// ownership, stop the old one. The callback pauses for at most one block of either device.</para>
/// <para>Allocation. The callback path allocates nothing. The watcher thread allocates nothing
/// while it waits and probes (<see cref="JackProbe"/>); a move allocates on the watcher thread
/// only (a JACK client, its ports, a thread for the null clock, a log line and a status record).</para>
/// <para>The engine's sample rate is fixed at <see cref="Open"/>: a JACK server at another rate is
/// not joined (the status says so; restart the server to follow it), and the null clock runs at
/// the engine's rate whatever <c>--sample-rate</c> said when it started on JACK.</para>
/// </remarks>
public sealed partial class AutoBackend : IAudioBackend, IBlockTimelineSource, IBackendStatusSource
{
    /// <summary>How often the watcher asks for JACK while on null (a refused probe costs a few ms
    /// of the watcher thread); twice a second, so a move lands within 1 s of JACK answering.</summary>
    public const int ProbeIntervalMs = 500;

    private const int OwnerNull = 0;
    private const int OwnerJack = 1;

    private readonly JackBackendOptions _jackOptions;
    private readonly NullBackendOptions _nullOptions;
    private readonly JackProbe _probe;
    private readonly Action<string>? _log;
    private readonly AudioRenderCallback _fromNull;
    private readonly AudioRenderCallback _fromJack;
    private NullBackend? _null;
    private volatile JackBackend? _jack;
    private volatile BackendStatus _status;
    private AudioRenderCallback? _callback;
    private int _channels;
    private int _sampleRate;
    private volatile int _owner;
    private int _rendering;
    private long _retiredXruns;
    private long _moves;

    /// <summary>An auto backend that joins the JACK server of <paramref name="jack"/> when it answers
    /// and keeps time as <paramref name="nullOptions"/> says meanwhile.</summary>
    public AutoBackend(JackBackendOptions? jack = null, NullBackendOptions? nullOptions = null)
    {
        _wake = new AutoResetEvent(false);
        _jackOptions = (jack ?? new JackBackendOptions()) with { ServerGone = () => _wake.Set() };
        _nullOptions = nullOptions ?? new NullBackendOptions();
        _probe = new JackProbe(_jackOptions.ServerName);
        _log = _jackOptions.Log;
        _fromNull = (output, blockStartNs) => RenderFrom(OwnerNull, output, blockStartNs);
        _fromJack = (output, blockStartNs) => RenderFrom(OwnerJack, output, blockStartNs);
        _status = new BackendStatus("null", BackendState.WaitingForJack, "not open yet");
    }

    /// <inheritdoc/>
    public string Name => _owner == OwnerJack ? "jack" : "null";

    /// <inheritdoc/>
    /// <remarks>The engine's rate: the first backend's, for the server's whole life.</remarks>
    public int SampleRate => _sampleRate;

    /// <inheritdoc/>
    public int BlockSize => _owner == OwnerJack && _jack is { } jack ? jack.BlockSize : _nullOptions.BlockSize;

    /// <inheritdoc/>
    public int ChannelCount => _channels;

    /// <inheritdoc/>
    /// <remarks>Summed over every backend since start.</remarks>
    public long Xruns => Interlocked.Read(ref _retiredXruns) + (_jack?.Xruns ?? 0) + (_null?.Xruns ?? 0);

    /// <inheritdoc/>
    /// <remarks>Only a render fault: JACK shutting down is a move back to null, not a failure.</remarks>
    public bool HasFailed => (_null?.HasFailed ?? false) || (_jack is { } jack && jack.HasFailed && !jack.ServerGone);

    /// <inheritdoc/>
    public BackendStatus Status => _status;

    /// <summary>True while JACK plays (false on null).</summary>
    public bool OnJack => _owner == OwnerJack;

    /// <summary>Moves between null and JACK so far.</summary>
    public long Moves => Interlocked.Read(ref _moves);

    /// <summary>The JACK backend while on JACK (its ports, connections, client name), else null.</summary>
    public JackBackend? Jack => _jack;

    /// <inheritdoc/>
    /// <remarks>The owner's timeline; every move counts as a resync (the frame counter and the
    /// block grid change with the device).</remarks>
    public BlockTimeline Timeline
    {
        get
        {
            BlockTimeline timeline = _owner == OwnerJack && _jack is { } jack ? jack.Timeline : _null!.Timeline;
            return timeline with { Resyncs = timeline.Resyncs + Interlocked.Read(ref _moves) };
        }
    }

    /// <inheritdoc/>
    /// <remarks>Joins JACK if it answers now (at its sample rate); otherwise, or when that fails,
    /// opens the null clock and says why in <see cref="Status"/>.</remarks>
    public void Open(int channelCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channelCount);
        if (_null is not null) throw new InvalidOperationException("the auto backend is already open");
        _channels = channelCount;
        string reason = $"no JACK server '{_probe.ServerName}' answered at start-up";
        int rate = _probe.SampleRate();
        if (rate != 0)
        {
            var jack = new JackBackend(_jackOptions);
            try
            {
                jack.Open(channelCount);
                _jack = jack;
            }
            catch (AudioBackendException e)
            {
                jack.Dispose();
                reason = $"JACK server '{_probe.ServerName}' answered but: {e.Message}";
            }
        }
        _sampleRate = _jack?.SampleRate ?? _nullOptions.SampleRate;
        _null = new NullBackend(_nullOptions with { SampleRate = _sampleRate });
        _null.Open(channelCount);
        _owner = _jack is null ? OwnerNull : OwnerJack;
        _status = _jack is null ? Waiting(_nullReason = reason) : Running();
        if (_jack is null) _log?.Invoke($"auto backend: on null, {StatusBlock.WaitingForJackText}: {reason}; asking every {ProbeIntervalMs} ms");
    }

    /// <inheritdoc/>
    public void Start(AudioRenderCallback callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        if (_null is null) throw new InvalidOperationException("the auto backend is not open");
        _callback = callback;
        if (_jack is { } jack)
        {
            try
            {
                jack.Start(_fromJack);
            }
            catch (AudioBackendException e)
            {
                jack.Dispose();
                _jack = null;
                _owner = OwnerNull;
                _status = Waiting(_nullReason = $"JACK server '{_probe.ServerName}' failed to start our client: {e.Message}");
                _log?.Invoke($"auto backend: on null, {StatusBlock.WaitingForJackText}: {_status.Reason}");
            }
        }
        if (_jack is null) _null.Start(_fromNull);
        StartWatcher();
    }

    /// <inheritdoc/>
    public void Stop()
    {
        StopWatcher();
        _jack?.Stop();
        _null?.Stop();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Stop();
        _jack?.Dispose();
        _jack = null;
        _null?.Dispose();
        _wake.Dispose();
    }

    /// <summary>The gate in front of the render callback (see the remarks on the class).</summary>
    private void RenderFrom(int backend, ChannelBuffers output, long blockStartNs)
    {
        if (_owner != backend || Interlocked.CompareExchange(ref _rendering, 1, 0) != 0)
        {
            Silence(output);
            return;
        }
        try
        {
            if (_owner == backend) _callback!(output, blockStartNs);
            else Silence(output);
        }
        finally
        {
            Volatile.Write(ref _rendering, 0);
        }
    }

    private static void Silence(ChannelBuffers output)
    {
        for (int c = 0; c < output.ChannelCount; c++) output[c].Clear();
    }

    private static BackendStatus Running() => new("jack", BackendState.Running, "");

    private static BackendStatus Waiting(string reason) => new("null", BackendState.WaitingForJack, reason);
}
