using System.Runtime.InteropServices;
using static HapticShm.Jack.Interop.Jack;

namespace HapticShm.Jack;

/// <summary>
/// Owns one jack_client_t: opens it without ever starting a server, registers ports, forwards
/// the callbacks to an <see cref="IJackProcessHandler"/> and closes it on dispose.
/// </summary>
public sealed unsafe partial class JackClient : IDisposable
{
    private nint _handle;
    private GCHandle _self;
    private IJackProcessHandler? _handler;
    private bool _active;

    private JackClient(nint handle, string serverName)
    {
        _handle = handle;
        ServerName = serverName;
        Name = Marshal.PtrToStringUTF8(jack_get_client_name(handle)) ?? "";
    }

    /// <summary>The name JACK gave this client (it may add a suffix when the name is taken).</summary>
    public string Name { get; }

    /// <summary>The server this client talks to ("default" unless named).</summary>
    public string ServerName { get; }

    /// <summary>Frames per second of the server.</summary>
    public int SampleRate => (int)jack_get_sample_rate(Handle);

    /// <summary>Frames per period of the server right now.</summary>
    public int BufferSize => (int)jack_get_buffer_size(Handle);

    private nint Handle => _handle != 0 ? _handle : throw new ObjectDisposedException(nameof(JackClient));

    /// <summary>Connects to a running server as <paramref name="clientName"/>; never starts one.
    /// Throws <see cref="JackException"/> when libjack or the server is missing.</summary>
    /// <param name="clientName">Requested client name (JACK may add a suffix).</param>
    /// <param name="serverName">A named server (jackd -n NAME), or null for $JACK_DEFAULT_SERVER / "default".</param>
    public static JackClient Open(string clientName, string? serverName = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientName);
        string shownServer = serverName ?? Environment.GetEnvironmentVariable("JACK_DEFAULT_SERVER") ?? "default";
        int options = JackNoStartServer | (serverName is null ? JackNullOption : JackServerName);
        int status = 0;
        nint handle;
        try
        {
            handle = jack_client_open(clientName, options, &status, serverName);
        }
        catch (DllNotFoundException ex)
        {
            throw new JackException(JackException.LibraryMissingMessage, ex);
        }
        if (handle == 0)
        {
            if ((status & JackServerFailed) != 0) throw new JackException(JackException.NoServerMessage(shownServer));
            throw new JackException($"JACK server '{shownServer}' refused client '{clientName}' (jack_status_t 0x{status:x})");
        }
        JackTime.MarkClockReady();
        return new JackClient(handle, shownServer);
    }

    /// <summary>True when a client can connect to the server right now (libjack present, server answering).</summary>
    public static bool IsServerRunning(string? serverName = null)
    {
        try
        {
            using JackClient probe = Open("hapticshm-probe", serverName);
            return true;
        }
        catch (JackException)
        {
            return false;
        }
    }

    /// <summary>Registers an audio port named <paramref name="shortName"/> (full name "client:shortName").</summary>
    public JackPort RegisterPort(string shortName, JackPortDirection direction)
    {
        nuint flags = direction == JackPortDirection.Input ? JackPortIsInput : JackPortIsOutput;
        nint port = jack_port_register(Handle, shortName, JACK_DEFAULT_AUDIO_TYPE, flags, 0);
        if (port == 0) throw new JackException($"JACK could not register port '{Name}:{shortName}'");
        return new JackPort(port);
    }

    /// <summary>Registers a MIDI port named <paramref name="shortName"/> (JACK's "8 bit raw midi").</summary>
    public JackPort RegisterMidiPort(string shortName, JackPortDirection direction)
    {
        nuint flags = direction == JackPortDirection.Input ? JackPortIsInput : JackPortIsOutput;
        nint port = jack_port_register(Handle, shortName, JACK_DEFAULT_MIDI_TYPE, flags, 0);
        if (port == 0) throw new JackException($"JACK could not register MIDI port '{Name}:{shortName}'");
        return new JackPort(port);
    }

    /// <summary>Full names of the MIDI ports matching <paramref name="namePattern"/> (a regular
    /// expression, null for all) that are inputs or outputs.</summary>
    public IReadOnlyList<string> GetMidiPorts(string? namePattern, JackPortDirection direction) =>
        GetPortsOfType(namePattern, JACK_DEFAULT_MIDI_TYPE, direction, physicalOnly: false);

    /// <summary>Routes the callbacks to <paramref name="handler"/>; call once, before <see cref="Activate"/>.</summary>
    public void SetHandler(IJackProcessHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (_handler is not null) throw new InvalidOperationException("the handler is already set");
        _handler = handler;
        _self = GCHandle.Alloc(this);
        nint arg = GCHandle.ToIntPtr(_self);
        Check(jack_set_process_callback(Handle, &OnProcess, arg), "jack_set_process_callback");
        Check(jack_set_xrun_callback(Handle, &OnXrun, arg), "jack_set_xrun_callback");
        Check(jack_set_buffer_size_callback(Handle, &OnBufferSize, arg), "jack_set_buffer_size_callback");
        jack_on_shutdown(Handle, &OnShutdown, arg);
    }

    /// <summary>Starts the process callbacks.</summary>
    public void Activate()
    {
        Check(jack_activate(Handle), "jack_activate");
        _active = true;
    }

    /// <summary>Stops the process callbacks; returns once the client has left the graph.</summary>
    public void Deactivate()
    {
        if (!_active) return;
        _active = false;
        _ = jack_deactivate(Handle); // teardown: a failure leaves nothing to undo
    }

    /// <summary>Connects two ports by full name; an existing connection is fine.</summary>
    public void Connect(string sourcePort, string destinationPort)
    {
        int rc = jack_connect(Handle, sourcePort, destinationPort);
        if (rc != 0 && rc != EEXIST) throw new JackException($"JACK could not connect '{sourcePort}' to '{destinationPort}' (error {rc})");
    }

    /// <summary>Connects two ports by full name without throwing: true when they are connected
    /// (now or already); otherwise false with jack_connect's error code.</summary>
    public bool TryConnect(string sourcePort, string destinationPort, out int error)
    {
        error = jack_connect(Handle, sourcePort, destinationPort);
        if (error == EEXIST) error = 0;
        return error == 0;
    }

    /// <summary>True when a port of this full name exists on the server (any client, any type).</summary>
    public bool PortExists(string portName) => jack_port_by_name(Handle, portName) != 0;

    /// <summary>Full names of the ports <paramref name="portName"/> is connected to; empty when it
    /// has none or does not exist.</summary>
    public IReadOnlyList<string> GetConnections(string portName)
    {
        nint port = jack_port_by_name(Handle, portName);
        var result = new List<string>();
        if (port == 0) return result;
        nint* names = jack_port_get_all_connections(Handle, port);
        if (names is null) return result;
        for (int i = 0; names[i] != 0; i++) result.Add(Marshal.PtrToStringUTF8(names[i]) ?? "");
        jack_free(names);
        return result;
    }

    /// <summary>Full names of the audio ports matching <paramref name="namePattern"/> (a regular
    /// expression, null for all) that are inputs or outputs, optionally only physical ones.</summary>
    public IReadOnlyList<string> GetPorts(string? namePattern, JackPortDirection direction, bool physicalOnly = false) =>
        GetPortsOfType(namePattern, JACK_DEFAULT_AUDIO_TYPE, direction, physicalOnly);

    private List<string> GetPortsOfType(string? namePattern, string type, JackPortDirection direction, bool physicalOnly)
    {
        nuint flags = (direction == JackPortDirection.Input ? JackPortIsInput : JackPortIsOutput) | (physicalOnly ? JackPortIsPhysical : 0);
        nint* names = jack_get_ports(Handle, namePattern, type, flags);
        var result = new List<string>();
        if (names is null) return result;
        for (int i = 0; names[i] != 0; i++) result.Add(Marshal.PtrToStringUTF8(names[i]) ?? "");
        jack_free(names);
        return result;
    }

    /// <summary>The server's frame counter now (approximate, between cycles).</summary>
    public uint FrameTime => jack_frame_time(Handle);

    /// <summary>The frame time of the current cycle's first frame (jack_last_frame_time); real-time safe.</summary>
    public uint LastFrameTime => jack_last_frame_time(_handle);

    /// <summary>When JACK estimates <paramref name="frame"/> was or will be processed, on
    /// <see cref="HapticShm.Shared.MonotonicClock"/> (jack_frames_to_time, µs resolution).</summary>
    public long FrameToMonotonicNs(uint frame) => JackTime.UsecsToMonotonicNs(jack_frames_to_time(Handle, frame));

    /// <summary>Closes the client (deactivating it first).</summary>
    public void Dispose()
    {
        if (_handle == 0) return;
        Deactivate();
        _ = jack_client_close(_handle); // the handle is gone either way
        _handle = 0;
        if (_self.IsAllocated) _self.Free();
    }

    private void Check(int rc, string what)
    {
        if (rc != 0) throw new JackException($"{what} failed for client '{Name}' (error {rc})");
    }
}
