using HapticShm.Engine.Audio;
using HapticShm.Server.Backends;

namespace HapticShm.Server.Tests.Hosting;

/// <summary>
/// A device the test scripts: a thread calls the render callback about every millisecond, like a
/// driver, until <see cref="Stop"/>. It records what happened in order, and what of the server's
/// files still existed when it was told to stop.
/// </summary>
public sealed class ScriptedBackend(string runtimeDirectory) : IAudioBackend
{
    private readonly List<string> _events = [];
    private PlanarAudioBuffer? _buffer;
    private Thread? _thread;
    private volatile bool _running;
    private long _callbacks;

    /// <summary>Start() lets a few callbacks run, then throws this (as JACK does when activation
    /// succeeds and connecting the ports fails).</summary>
    public AudioBackendException? FailOnStart { get; init; }

    public string Name => "scripted";
    public int SampleRate => 48_000;
    public int BlockSize => 64;
    public int ChannelCount => _buffer?.ChannelCount ?? 0;
    public long Xruns => 0;
    public bool HasFailed => false;

    public long Callbacks => Interlocked.Read(ref _callbacks);
    public IReadOnlyList<string> Events { get { lock (_events) return [.. _events]; } }
    public bool StatusExistedAtStop { get; private set; }
    public bool SocketExistedAtStop { get; private set; }
    public bool CallbacksRanUntilStop { get; private set; }

    public void Open(int channelCount)
    {
        Record("open");
        _buffer = new PlanarAudioBuffer(channelCount, BlockSize);
    }

    public void Start(AudioRenderCallback callback)
    {
        Record("start");
        _running = true;
        _thread = new Thread(() =>
        {
            ChannelBuffers output = _buffer!.AsChannelBuffers(BlockSize);
            long blockStartNs = HapticShm.Shared.MonotonicClock.NowNs();
            while (_running)
            {
                callback(output, blockStartNs);
                blockStartNs += 1_333_333;
                Interlocked.Increment(ref _callbacks);
                Thread.Sleep(1);
            }
        }) { IsBackground = true };
        _thread.Start();
        if (FailOnStart is null) return;
        SpinWait.SpinUntil(() => Callbacks >= 5, 10_000);
        throw FailOnStart;
    }

    public void Stop()
    {
        Record("stop");
        if (_thread is null) return;
        StatusExistedAtStop = File.Exists(Path.Combine(runtimeDirectory, "status.shm"));
        SocketExistedAtStop = File.Exists(Path.Combine(runtimeDirectory, "server.sock"));
        long before = Callbacks;
        CallbacksRanUntilStop = SpinWait.SpinUntil(() => Callbacks > before, 5000);
        _running = false;
        _thread.Join();
        _thread = null;
    }

    public void Dispose() => Record("dispose");

    private void Record(string what)
    {
        lock (_events) _events.Add(what);
    }
}
