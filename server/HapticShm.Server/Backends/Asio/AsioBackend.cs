using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using HapticShm.Engine.Audio;

namespace HapticShm.Server.Backends.Asio;

/// <summary>
/// Renders the engine to an ASIO driver through our own binding of the IASIO interface.
/// </summary>
/// <remarks>
/// ASIO callbacks carry no user pointer, so they reach the backend through one static field:
/// only one ASIO driver can be open per process (a limit of ASIO itself); opening a second
/// throws. Every control call runs on one dedicated driver thread (an STA on Windows, where the
/// COM object is created); the same thread supervises the driver's reset and buffer-size
/// messages and restarts the stream in place, keeping this object and the render callback.
/// Partial files: Callbacks (audio thread), Driver (control calls), Supervisor (restarts).
/// </remarks>
public sealed unsafe partial class AsioBackend : IAudioBackend
{
    private readonly AsioBackendOptions _options;
    private readonly AsioDriverThread _thread;
    private readonly bool _ownsDriver;
    private readonly AsioCallbacks* _callbacks;
    private readonly AsioClockMapper _clock = new();
    private IAsioDriver* _driver;
    private AudioRenderCallback? _callback;
    private bool _disposed;

    private AsioBackend(AsioBackendOptions options, nint driver, bool ownsDriver)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _driver = (IAsioDriver*)driver;
        _ownsDriver = ownsDriver;
        _callbacks = (AsioCallbacks*)NativeMemory.AllocZeroed((nuint)sizeof(AsioCallbacks));
        _callbacks->bufferSwitch = &OnBufferSwitch;
        _callbacks->sampleRateDidChange = &OnSampleRateDidChange;
        _callbacks->asioMessage = &OnAsioMessage;
        _callbacks->bufferSwitchTimeInfo = &OnBufferSwitchTimeInfo;
        _thread = new AsioDriverThread("asio-driver", Supervise);
    }

    /// <summary>Loads the installed driver <see cref="AsioBackendOptions.Driver"/> names (Windows only).</summary>
    public static AsioBackend Create(AsioBackendOptions options)
    {
        if (!OperatingSystem.IsWindows())
            throw new AudioBackendException("ASIO drivers exist only on Windows; use the JACK backend on this system");
        var backend = new AsioBackend(options, 0, ownsDriver: true);
        try
        {
            backend._thread.Invoke(backend.CreateComDriver);
        }
        catch
        {
            backend.Dispose();
            throw;
        }
        return backend;
    }

    /// <summary>Wraps an already-created IASIO object (the caller keeps ownership and releases it
    /// after disposing the backend). Everything after driver creation runs as with <see cref="Create"/>.</summary>
    public static AsioBackend FromDriver(nint iasio, AsioBackendOptions options)
    {
        if (iasio == 0) throw new ArgumentNullException(nameof(iasio));
        return new AsioBackend(options, iasio, ownsDriver: false);
    }

    public string Name => "asio";

    /// <summary>The driver's own name, known after <see cref="Open"/>.</summary>
    public string DriverName { get; private set; } = "";

    public int SampleRate { get; private set; }

    public int BlockSize => _buffers?.BlockSize ?? 0;

    public int ChannelCount => _selected.Length;

    /// <summary>Driver output channel index for each engine channel.</summary>
    public IReadOnlyList<int> SelectedChannels => _selected;

    /// <summary>Driver-reported output latency in frames.</summary>
    public int OutputLatencyFrames { get; private set; }

    /// <summary>Whether the driver accepted outputReady() at initialisation.</summary>
    public bool UsesOutputReady => _outputReady;

    public long Xruns => Interlocked.Read(ref _xruns);

    /// <summary>Times the stream was rebuilt after a driver reset or buffer-size change.</summary>
    public int Restarts => Volatile.Read(ref _restarts);

    /// <summary>Blocks rendered since <see cref="Open"/>.</summary>
    public long BlocksRendered => Interlocked.Read(ref _blocks);

    public bool HasFailed => _failed;

    public void Open(int channelCount)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channelCount);
        if (_buffers is not null) throw new InvalidOperationException("the ASIO backend is already open");
        ClaimActive();
        try
        {
            _thread.Invoke(() => OpenDriver(channelCount));
        }
        catch
        {
            _thread.Invoke(DisposeBuffers);
            ReleaseActive();
            throw;
        }
    }

    public void Start(AudioRenderCallback callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_buffers is null) throw new InvalidOperationException("Open the ASIO backend before starting it");
        _callback = callback;
        _callbackFailed = false;
        _thread.Invoke(StartDriver);
    }

    public void Stop()
    {
        if (_disposed) return;
        _thread.Invoke(StopDriver);
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        try
        {
            _thread.Invoke(CloseDriver);
        }
        finally
        {
            _thread.Dispose();
            ReleaseActive();
            NativeMemory.Free(_callbacks);
        }
    }

    [SupportedOSPlatform("windows")]
    private void CreateComDriver() => _driver = (IAsioDriver*)AsioComActivator.Create(AsioDriverRegistry.Find(_options.Driver));
}
