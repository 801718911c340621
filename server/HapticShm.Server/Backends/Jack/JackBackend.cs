using HapticShm.Engine.Audio;
using HapticShm.Jack;
using HapticShm.Shared;

namespace HapticShm.Server.Backends.Jack;

/// <summary>
/// Renders into N JACK output ports "client:out_1".."out_N" (N up to 256, all registered in
/// <see cref="Open"/>), and connects them as a <see cref="ConnectMap"/> says once active.
/// </summary>
/// <remarks>
/// <para>blockStartNs is the cycle's start on <see cref="BlockStartClock"/>'s timeline (exactly
/// linear in frames, the lower envelope of this callback's wake-ups) plus one period. Why one period: a cycle starts when the
/// driver has room for one period, and with the usual two-period playback buffer (ALSA -n 2,
/// FFADO, the dummy driver) the buffer written now reaches the converter after the period that
/// is playing, i.e. one period later. Converter and amplifier delays (a few hundred µs, fixed)
/// are not included; the latency tool measures them.</para>
/// <para>The process path (<see cref="IJackProcessHandler.Process"/>) allocates nothing, takes no
/// lock and lets no exception out: a throwing render callback silences the outputs from then on
/// and sets <see cref="HasFailed"/>.</para>
/// </remarks>
public sealed class JackBackend : IAudioBackend, IJackProcessHandler, IBlockTimelineSource
{
    private readonly JackBackendOptions _options;
    private JackClient? _client;
    private JackPort[] _ports = [];
    private nint[] _pointers = [];
    private BlockStartClock? _clock;
    private AudioRenderCallback? _callback;
    private bool _handlerSet;
    private int _sampleRate;
    private int _blockSize;
    private long _xruns;
    private volatile bool _serverGone;
    private volatile bool _renderFaulted;
    private Exception? _renderException;
    private BlockTimeline _timeline;
    private ConnectionResult[] _connections = [];

    /// <summary>A backend that will join the server described by <paramref name="options"/> (defaults if null).</summary>
    public JackBackend(JackBackendOptions? options = null) => _options = options ?? new JackBackendOptions();

    /// <inheritdoc/>
    public string Name => "jack";

    /// <inheritdoc/>
    public int SampleRate => _sampleRate;

    /// <inheritdoc/>
    public int BlockSize => Volatile.Read(ref _blockSize);

    /// <inheritdoc/>
    public int ChannelCount => _ports.Length;

    /// <inheritdoc/>
    public long Xruns => Interlocked.Read(ref _xruns);

    /// <inheritdoc/>
    public bool HasFailed => _serverGone || _renderFaulted || (_client?.CallbackFaulted ?? false);

    /// <summary>Set when the JACK server shut down under us (jackd stopped or died); no cycle comes after it.</summary>
    public bool ServerGone => _serverGone;

    /// <summary>The JACK client name actually granted (may differ from the requested one).</summary>
    public string ClientName => Client.Name;

    /// <summary>Full names of the output ports, in channel order.</summary>
    public IReadOnlyList<string> PortNames => [.. _ports.Select(p => p.Name)];

    /// <summary>What became of each connect-map line at the last <see cref="Start"/>.</summary>
    public IReadOnlyList<ConnectionResult> Connections => _connections;

    /// <summary>Process cycles run since the client was activated.</summary>
    public long Cycles => _client?.Cycles ?? 0;

    /// <summary>Bytes allocated on JACK's thread by the whole process path (after warm-up); target 0.</summary>
    public long CallbackAllocatedBytes => _client?.CallbackAllocatedBytes ?? 0;

    /// <summary>Longest process cycle (render callback included) after warm-up, in ns.</summary>
    public long CallbackMaxNs => _client?.CallbackMaxNs ?? 0;

    /// <summary>Mean process cycle (render callback included) after warm-up, in ns.</summary>
    public long CallbackMeanNs => _client?.CallbackMeanNs ?? 0;

    /// <summary>Times block start times were re-anchored to JACK's clock (after an xrun, for instance).</summary>
    public long ClockResyncs => _clock?.Resyncs ?? 0;

    /// <summary>Jumps of JACK's frame counter the block clock followed (xruns that skipped frames).</summary>
    public long FrameJumps => _clock?.FrameJumps ?? 0;

    /// <summary>Whole-frame steps of the block clock's timeline (following the device clock's drift).</summary>
    public long ClockSteps => _clock?.Steps ?? 0;

    /// <inheritdoc/>
    public BlockTimeline Timeline => _timeline;

    /// <summary>What the render callback threw, if it did.</summary>
    public Exception? RenderException => Volatile.Read(ref _renderException) ?? _client?.CallbackException;

    private JackClient Client => _client ?? throw new InvalidOperationException("the JACK backend is not open");

    /// <inheritdoc/>
    public void Open(int channelCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channelCount);
        if (_client is not null) throw new InvalidOperationException("the JACK backend is already open");
        JackClient client;
        try
        {
            client = JackClient.Open(_options.ClientName, _options.ServerName);
        }
        catch (JackException ex)
        {
            throw new AudioBackendException(ex.Message, ex);
        }
        try
        {
            var ports = new JackPort[channelCount];
            for (int c = 0; c < channelCount; c++) ports[c] = client.RegisterPort($"out_{c + 1}", JackPortDirection.Output);
            _ports = ports;
            _pointers = new nint[channelCount];
            _sampleRate = client.SampleRate;
            _blockSize = client.BufferSize;
            _clock = new BlockStartClock(_sampleRate);
            _client = client;
        }
        catch (JackException ex)
        {
            client.Dispose();
            throw new AudioBackendException(ex.Message, ex);
        }
    }

    /// <inheritdoc/>
    public void Start(AudioRenderCallback callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        JackClient client = Client;
        _callback = callback;
        _clock!.Reset();
        if (!_handlerSet)
        {
            client.SetHandler(this);
            _handlerSet = true;
        }
        try
        {
            client.Activate();
            if (_options.ConnectToSystemPlayback) ConnectToPlayback(client);
        }
        catch (JackException ex)
        {
            throw new AudioBackendException(ex.Message, ex);
        }
        if (_options.ConnectMap is ConnectMap map) _connections = ApplyConnectMap(client, map);
    }

    /// <summary>Makes each connection of the map from this (non-real-time) thread. A destination
    /// that does not exist or a connection JACK refuses is reported and skipped: the rest of the
    /// array still plays.</summary>
    private ConnectionResult[] ApplyConnectMap(JackClient client, ConnectMap map)
    {
        var results = new ConnectionResult[map.Entries.Count];
        for (int i = 0; i < results.Length; i++)
        {
            ConnectMapEntry entry = map.Entries[i];
            string source = _ports[entry.Channel - 1].Name;
            string? problem = null;
            if (!client.PortExists(entry.Destination))
                problem = $"no JACK port '{entry.Destination}' (is its client running? jack_lsp lists the ports)";
            else if (!client.TryConnect(source, entry.Destination, out int error))
                problem = $"JACK refused the connection (error {error}; is '{entry.Destination}' an audio input of an active client?)";
            results[i] = new ConnectionResult(entry, source, problem);
            if (problem is not null)
                _options.Log?.Invoke($"connect map {map.SourceName} line {entry.Line}: {entry.SourcePort} -> {entry.Destination} not connected: {problem}");
        }
        int made = results.Count(r => r.Connected);
        _options.Log?.Invoke($"connect map {map.SourceName}: {made} of {results.Length} connections made");
        return results;
    }

    /// <inheritdoc/>
    public void Stop() => _client?.Deactivate();

    /// <inheritdoc/>
    public void Dispose()
    {
        _client?.Dispose();
        _client = null;
    }

    private void ConnectToPlayback(JackClient client)
    {
        IReadOnlyList<string> playback = client.GetPorts(null, JackPortDirection.Input, physicalOnly: true);
        int count = Math.Min(playback.Count, _ports.Length);
        for (int c = 0; c < count; c++) client.Connect(_ports[c].Name, playback[c]);
    }

    unsafe void IJackProcessHandler.Process(int frames)
    {
        long callbackBeganNs = MonotonicClock.NowNs(); // first: the clock's evidence of when the cycle started
        nint[] pointers = _pointers;
        for (int c = 0; c < pointers.Length; c++) pointers[c] = (nint)_ports[c].GetBuffer(frames);
        var output = new ChannelBuffers(pointers, frames);
        if (_renderFaulted)
        {
            Silence(output);
            return;
        }
        // Everything after the port buffers runs inside the try: whatever fails, they are written.
        try
        {
            JackClient client = _client!;
            long oneBlockNs = JackTime.FramesToNs(frames, _sampleRate);
            BlockStartClock clock = _clock!;
            long blockStartNs = clock.Next(client.LastFrameTime, frames, callbackBeganNs) + oneBlockNs;
            _timeline = new BlockTimeline(clock.LastFrame, blockStartNs, clock.Steps, clock.Resyncs);
            _callback!(output, blockStartNs);
        }
        catch (Exception ex)
        {
            Volatile.Write(ref _renderException, ex);
            _renderFaulted = true;
            Silence(output);
        }
    }

    void IJackProcessHandler.XrunOccurred() => Interlocked.Increment(ref _xruns);

    void IJackProcessHandler.BufferSizeChanged(int frames) => Volatile.Write(ref _blockSize, frames);

    void IJackProcessHandler.ServerShutdown()
    {
        _serverGone = true;
        _options.ServerGone?.Invoke();
    }

    private static void Silence(ChannelBuffers output)
    {
        for (int c = 0; c < output.ChannelCount; c++) output[c].Clear();
    }
}
