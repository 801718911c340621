namespace HapticShm.Jack;

/// <summary>
/// A JACK client with one MIDI output ("client:midi_out") that writes scheduled three-byte
/// messages at frame 0 of chosen cycles, and records the JACK frame of each cycle it wrote in:
/// a MIDI source whose timing is exact, for measuring what happens to a note after it.
/// </summary>
/// <remarks>The schedule is fixed before <see cref="Start"/> and kept in preallocated arrays;
/// the process path allocates nothing.</remarks>
public sealed unsafe class JackMidiSender : IJackProcessHandler, IDisposable
{
    private readonly JackClient _client;
    private readonly JackPort _port;
    private readonly int[] _cycles;
    private readonly byte[] _messages;
    private readonly uint[] _sentFrames;
    private readonly long[] _xrunsAtSend;
    private readonly JackFrameTracker _frames = new();
    private int _count;
    private int _next;
    private long _cycle;
    private long _xruns;
    private int _started;

    /// <summary>Opens a client with a MIDI output and room for <paramref name="capacity"/> messages.</summary>
    public JackMidiSender(int capacity, string clientName = "hapticshm-midi-source", string? serverName = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _cycles = new int[capacity];
        _messages = new byte[capacity * 3];
        _sentFrames = new uint[capacity];
        _xrunsAtSend = new long[capacity];
        _client = JackClient.Open(clientName, serverName);
        try
        {
            _port = _client.RegisterMidiPort("midi_out", JackPortDirection.Output);
            PortName = _port.Name;
        }
        catch
        {
            _client.Dispose();
            throw;
        }
    }

    /// <summary>The output port's full name.</summary>
    public string PortName { get; }

    /// <summary>The underlying client.</summary>
    public JackClient Client => _client;

    /// <summary>Messages written so far.</summary>
    public int Sent => Volatile.Read(ref _next);

    /// <summary>Messages scheduled.</summary>
    public int Count => _count;

    /// <summary>Xruns reported while this client was active.</summary>
    public long Xruns => Interlocked.Read(ref _xruns);

    /// <summary>Schedules a message at frame 0 of cycle <paramref name="cycle"/> (counted from the
    /// first cycle after <see cref="Start"/>); cycles must not decrease. Before <see cref="Start"/> only.</summary>
    public void Schedule(int cycle, byte status, byte data1, byte data2)
    {
        if (_count == _cycles.Length) throw new InvalidOperationException($"the schedule holds {_cycles.Length} messages");
        if (_count > 0 && cycle < _cycles[_count - 1]) throw new ArgumentException("cycles must not decrease", nameof(cycle));
        _cycles[_count] = cycle;
        _messages[3 * _count] = status;
        _messages[3 * _count + 1] = data1;
        _messages[3 * _count + 2] = data2;
        _count++;
    }

    /// <summary>JACK frame of the cycle message <paramref name="index"/> was written at (frame 0 of it).</summary>
    public uint SentFrame(int index) => index < Sent ? _sentFrames[index] : throw new ArgumentOutOfRangeException(nameof(index), index, $"{Sent} messages sent");

    /// <summary>Xruns reported before message <paramref name="index"/> was written.</summary>
    public long XrunsAtSend(int index) => index < Sent ? _xrunsAtSend[index] : throw new ArgumentOutOfRangeException(nameof(index), index, $"{Sent} messages sent");

    /// <summary>Activates the client and connects the output to <paramref name="destination"/>;
    /// the schedule's cycle 0 is the first cycle after the connection is made.</summary>
    public void Start(string destination)
    {
        _client.SetHandler(this);
        _client.Activate();
        _client.Connect(PortName, destination);
        Volatile.Write(ref _cycle, 0);
        Volatile.Write(ref _started, 1);
    }

    void IJackProcessHandler.Process(int frames)
    {
        void* buffer = _port.GetMidiBuffer(frames);
        Interop.Jack.jack_midi_clear_buffer(buffer);
        uint frame = _frames.Next(_client.LastFrameTime, frames, out _);
        if (Volatile.Read(ref _started) == 0) return;
        long cycle = _cycle++;
        int next = _next;
        while (next < _count && _cycles[next] <= cycle)
        {
            fixed (byte* message = &_messages[3 * next])
                _ = Interop.Jack.jack_midi_event_write(buffer, 0, message, 3);
            _sentFrames[next] = frame;
            _xrunsAtSend[next] = Interlocked.Read(ref _xruns);
            next++;
        }
        Volatile.Write(ref _next, next);
    }

    void IJackProcessHandler.XrunOccurred() => Interlocked.Increment(ref _xruns);

    void IJackProcessHandler.BufferSizeChanged(int frames)
    {
    }

    void IJackProcessHandler.ServerShutdown()
    {
    }

    /// <summary>Closes the client.</summary>
    public void Dispose() => _client.Dispose();
}
