using HapticShm.Shared;

namespace HapticShm.Jack;

/// <summary>
/// Records K JACK ports into preallocated planar buffers, with the JACK frame time and monotonic
/// time of every cycle's first frame, so samples can be placed on <see cref="MonotonicClock"/>.
/// Cycle times come from a <see cref="BlockStartClock"/>, as the server's do, so a capture and
/// the server place one frame at one time.
/// Recording stops by itself when the buffers are full.
/// </summary>
public sealed unsafe class JackCaptureClient : IJackProcessHandler, IDisposable
{
    private const int MinimumJackPeriod = 16;

    private readonly JackClient _client;
    private readonly IReadOnlyList<string> _sources;
    private readonly JackPort[] _inputs;
    private readonly float[][] _channels;
    private readonly JackCaptureCycle[] _cycles;
    private BlockStartClock? _clock;
    private long _recordedFrames;
    private int _cycleCount;
    private volatile bool _recording;
    private volatile bool _full;
    private long _xruns;

    /// <summary>Opens a client with one input port per source ("in_1".."in_K") and room for
    /// <paramref name="maxSeconds"/> of audio. Call <see cref="Start"/> to connect and record.</summary>
    public JackCaptureClient(IReadOnlyList<string> sourcePorts, double maxSeconds, string clientName = "hapticshm-capture", string? serverName = null)
    {
        ArgumentNullException.ThrowIfNull(sourcePorts);
        ArgumentOutOfRangeException.ThrowIfZero(sourcePorts.Count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxSeconds);
        _sources = sourcePorts;
        _client = JackClient.Open(clientName, serverName);
        try
        {
            SampleRate = _client.SampleRate;
            int maxFrames = checked((int)Math.Ceiling(maxSeconds * SampleRate));
            _inputs = new JackPort[sourcePorts.Count];
            _channels = new float[sourcePorts.Count][];
            for (int k = 0; k < _inputs.Length; k++)
            {
                _inputs[k] = _client.RegisterPort($"in_{k + 1}", JackPortDirection.Input);
                _channels[k] = new float[maxFrames];
            }
            _cycles = new JackCaptureCycle[maxFrames / MinimumJackPeriod + 1];
        }
        catch
        {
            _client.Dispose();
            throw;
        }
    }

    /// <summary>The underlying client (ports, frame time).</summary>
    public JackClient Client => _client;

    /// <summary>Channels recorded (one per source port).</summary>
    public int ChannelCount => _channels.Length;

    /// <summary>Frames per second of the server.</summary>
    public int SampleRate { get; }

    /// <summary>Frames recorded so far in every channel.</summary>
    public int RecordedFrames => (int)Volatile.Read(ref _recordedFrames);

    /// <summary>Capacity of every channel, in frames.</summary>
    public int MaxFrames => _channels[0].Length;

    /// <summary>True once the buffers are full and recording stopped.</summary>
    public bool IsFull => _full;

    /// <summary>Cycles recorded so far.</summary>
    public int CycleCount => Volatile.Read(ref _cycleCount);

    /// <summary>Xruns the server reported while this client was active.</summary>
    public long Xruns => Interlocked.Read(ref _xruns);

    /// <summary>The recorded samples of channel <paramref name="channel"/> (source port order).</summary>
    public ReadOnlySpan<float> Channel(int channel) => _channels[channel].AsSpan(0, RecordedFrames);

    /// <summary>The <paramref name="index"/>-th recorded cycle.</summary>
    public JackCaptureCycle Cycle(int index)
    {
        if ((uint)index >= (uint)CycleCount) throw new ArgumentOutOfRangeException(nameof(index), index, $"{CycleCount} cycles recorded");
        return _cycles[index];
    }

    /// <summary>Activates the client, connects source k to "in_k+1" and starts recording.</summary>
    public void Start()
    {
        _clock = new BlockStartClock(SampleRate);
        _client.SetHandler(this);
        _client.Activate();
        for (int k = 0; k < _inputs.Length; k++) _client.Connect(_sources[k], _inputs[k].Name);
        _recording = true;
    }

    /// <summary>Stops recording and leaves the graph; the recording stays readable.</summary>
    public void Stop()
    {
        _recording = false;
        _client.Deactivate();
    }

    /// <summary>Places JACK frame <paramref name="frame"/> on <see cref="MonotonicClock"/>
    /// (ns) from the recorded cycle that contains it (or the nearest one), at the nominal sample rate.
    /// Before any cycle was recorded it asks JACK's frame timer instead.</summary>
    public long FrameToMonotonicNs(uint frame)
    {
        if (CycleCount == 0) return _client.FrameToMonotonicNs(frame);
        JackCaptureCycle cycle = _cycles[CycleOfFrame(frame)];
        return cycle.MonotonicNs + JackTime.FramesToNs((int)(frame - cycle.FrameTime), SampleRate);
    }

    /// <summary>Places recorded sample <paramref name="sampleIndex"/> on <see cref="MonotonicClock"/> (ns).</summary>
    public long SampleToMonotonicNs(long sampleIndex)
    {
        if (CycleCount == 0) throw new InvalidOperationException("nothing recorded yet");
        JackCaptureCycle cycle = _cycles[CycleOfSample(sampleIndex)];
        return cycle.MonotonicNs + JackTime.FramesToNs(sampleIndex - cycle.FirstSample, SampleRate);
    }

    /// <summary>Index of the last recorded cycle whose frame time is at or before
    /// <paramref name="frame"/> (wrap-aware; 0 when none is). At least one cycle must be recorded.</summary>
    public int CycleOfFrame(uint frame)
    {
        uint first = _cycles[0].FrameTime;
        long target = (int)(frame - first); // wrap-aware: cycles span far less than 2^31 frames
        int lo = 0, hi = CycleCount - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) / 2;
            if ((long)(uint)(_cycles[mid].FrameTime - first) <= target) lo = mid; else hi = mid - 1;
        }
        return lo;
    }

    /// <summary>Index of the recorded cycle that holds sample <paramref name="sampleIndex"/>
    /// (clamped to the first and last). At least one cycle must be recorded.</summary>
    public int CycleOfSample(long sampleIndex)
    {
        int lo = 0, hi = CycleCount - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) / 2;
            if (_cycles[mid].FirstSample <= sampleIndex) lo = mid; else hi = mid - 1;
        }
        return lo;
    }

    void IJackProcessHandler.Process(int frames)
    {
        long callbackBeganNs = MonotonicClock.NowNs(); // first: the clock's evidence of when the cycle started
        if (!_recording || _full) return;
        long recorded = _recordedFrames;
        int cycle = _cycleCount;
        if (recorded + frames > MaxFrames || cycle == _cycles.Length)
        {
            _full = true;
            return;
        }
        long monotonicNs = _clock!.Next(_client.LastFrameTime, frames, callbackBeganNs);
        _cycles[cycle] = new JackCaptureCycle(recorded, _clock.LastFrame, monotonicNs);
        for (int k = 0; k < _inputs.Length; k++)
            new ReadOnlySpan<float>(_inputs[k].GetBuffer(frames), frames).CopyTo(_channels[k].AsSpan((int)recorded, frames));
        Volatile.Write(ref _cycleCount, cycle + 1);
        Volatile.Write(ref _recordedFrames, recorded + frames);
    }

    void IJackProcessHandler.XrunOccurred() => Interlocked.Increment(ref _xruns);

    void IJackProcessHandler.BufferSizeChanged(int frames)
    {
    }

    void IJackProcessHandler.ServerShutdown() => _recording = false;

    /// <summary>Closes the client.</summary>
    public void Dispose() => _client.Dispose();
}
