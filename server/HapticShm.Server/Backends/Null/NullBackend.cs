using HapticShm.Engine.Audio;
using HapticShm.Shared;

namespace HapticShm.Server.Backends.Null;

/// <summary>
/// No device: a dedicated thread (SCHED_FIFO priority <see cref="RealtimePriority"/> where the
/// process may, else highest normal priority) calls the render callback once per block period on
/// <see cref="MonotonicClock"/> and discards the output. Block k is due at start + k periods
/// (computed from the block index, so it never drifts); the thread sleeps until
/// <see cref="SpinNs"/> before the deadline and spins the rest. Missing a deadline by more than
/// one period counts one xrun per episode; late blocks are rendered back to back to catch up,
/// unless more than <see cref="MaxCatchUpBlocks"/> are due, which are then skipped.
/// blockStartNs is the deadline plus one period, as with a device that plays a block after
/// the one being rendered.
/// </summary>
public sealed class NullBackend : IAudioBackend, IBlockTimelineSource
{
    /// <summary>How long before a deadline the thread stops sleeping and spins.</summary>
    public const long SpinNs = 200_000;

    /// <summary>SCHED_FIFO priority of the clock thread (below jackd's default 10).</summary>
    public const int RealtimePriority = 5;

    /// <summary>Most overdue blocks rendered back to back after a stall; beyond that they are skipped.</summary>
    public const int MaxCatchUpBlocks = 16;

    private readonly NullBackendOptions _options;
    private PlanarAudioBuffer? _buffer;
    private Thread? _thread;
    private AudioRenderCallback? _callback;
    private volatile bool _running;
    private volatile bool _failed;
    private long _xruns;
    private long _blocks;
    private BlockTimeline _timeline;
    private long _callbackAllocatedBytes;
    private Exception? _renderException;

    /// <summary>A backend with the format in <paramref name="options"/> (48000 Hz, 64 frames if null).</summary>
    public NullBackend(NullBackendOptions? options = null)
    {
        _options = options ?? new NullBackendOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.SampleRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.BlockSize);
    }

    /// <inheritdoc/>
    public string Name => "null";

    /// <inheritdoc/>
    public int SampleRate => _options.SampleRate;

    /// <inheritdoc/>
    public int BlockSize => _options.BlockSize;

    /// <inheritdoc/>
    public int ChannelCount => _buffer?.ChannelCount ?? 0;

    /// <inheritdoc/>
    public long Xruns => Interlocked.Read(ref _xruns);

    /// <inheritdoc/>
    /// <remarks>Frames count from the clock thread's start; the grid never moves (a long stall
    /// skips whole blocks on it), so steps and resyncs stay 0.</remarks>
    public BlockTimeline Timeline => _timeline;

    /// <inheritdoc/>
    public bool HasFailed => _failed;

    /// <summary>True when the clock thread got SCHED_FIFO.</summary>
    public bool IsRealtime { get; private set; }

    /// <summary>Blocks rendered since <see cref="Start"/>.</summary>
    public long Blocks => Interlocked.Read(ref _blocks);

    /// <summary>Bytes allocated by the render loop (callback included), after the first 64 blocks; target 0.</summary>
    public long CallbackAllocatedBytes => Interlocked.Read(ref _callbackAllocatedBytes);

    /// <summary>What the render callback threw, if it did (the thread then stops and <see cref="HasFailed"/> is set).</summary>
    public Exception? RenderException => Volatile.Read(ref _renderException);

    private long PeriodNs => FramesToNs(_options.BlockSize);

    /// <inheritdoc/>
    public void Open(int channelCount) => _buffer = new PlanarAudioBuffer(channelCount, _options.BlockSize);

    /// <inheritdoc/>
    public void Start(AudioRenderCallback callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        if (_buffer is null) throw new InvalidOperationException("the null backend is not open");
        if (_thread is not null) throw new InvalidOperationException("the null backend is already started");
        _callback = callback;
        _running = true;
        _thread = new Thread(Run) { Name = "hapticshm null audio", IsBackground = true, Priority = ThreadPriority.Highest };
        _thread.Start();
    }

    /// <inheritdoc/>
    public void Stop()
    {
        _running = false;
        _thread?.Join();
        _thread = null;
    }

    /// <inheritdoc/>
    public void Dispose() => Stop();

    private void Run()
    {
        ChannelBuffers output = _buffer!.AsChannelBuffers(_options.BlockSize);
        AudioRenderCallback callback = _callback!;
        long periodNs = PeriodNs;
        long startNs = MonotonicClock.NowNs() + periodNs;
        IsRealtime = TryMakeRealtime();
        long index = 0;
        bool wasLate = false;
        while (_running)
        {
            long deadline = DeadlineNs(startNs, index);
            WaitUntil(deadline);
            long lateNs = MonotonicClock.NowNs() - deadline;
            bool late = lateNs > periodNs;
            if (late && !wasLate) Interlocked.Increment(ref _xruns);
            wasLate = late;
            if (lateNs > MaxCatchUpBlocks * periodNs)
            {
                index += lateNs / periodNs; // a long stall: skip to now, staying on the period grid
                deadline = DeadlineNs(startNs, index);
            }
            long before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                _timeline = new BlockTimeline(index * _options.BlockSize, deadline + periodNs, 0, 0);
                callback(output, deadline + periodNs);
            }
            catch (Exception ex)
            {
                Volatile.Write(ref _renderException, ex);
                _failed = true;
                return;
            }
            long blocks = Interlocked.Increment(ref _blocks);
            if (blocks > 64) Interlocked.Add(ref _callbackAllocatedBytes, GC.GetAllocatedBytesForCurrentThread() - before);
            index++;
        }
    }

    private long DeadlineNs(long startNs, long index) => startNs + FramesToNs(index * _options.BlockSize);

    // Whole seconds first so the product cannot overflow; exact to the nanosecond below.
    private long FramesToNs(long frames)
    {
        long seconds = Math.DivRem(frames, _options.SampleRate, out long rest);
        return seconds * 1_000_000_000 + rest * 1_000_000_000 / _options.SampleRate;
    }

    private static unsafe bool TryMakeRealtime()
    {
        if (!OperatingSystem.IsLinux()) return false;
        var param = new Interop.Libc.SchedParam { sched_priority = RealtimePriority };
        return Interop.Libc.sched_setscheduler(0, Interop.Libc.SCHED_FIFO, &param) == 0;
    }

    private static unsafe void WaitUntil(long deadlineNs)
    {
        long wakeNs = deadlineNs - SpinNs;
        if (MonotonicClock.NowNs() < wakeNs)
        {
            if (OperatingSystem.IsLinux())
            {
                var request = new Interop.Libc.Timespec { tv_sec = wakeNs / 1_000_000_000, tv_nsec = wakeNs % 1_000_000_000 };
                while (Interop.Libc.clock_nanosleep(Interop.Libc.CLOCK_MONOTONIC, Interop.Libc.TIMER_ABSTIME, &request, null) != 0 && MonotonicClock.NowNs() < wakeNs)
                {
                    // EINTR: sleep again until the same absolute time.
                }
            }
            else
            {
                while (MonotonicClock.NowNs() < wakeNs - 2_000_000) Thread.Sleep(1);
            }
        }
        while (MonotonicClock.NowNs() < deadlineNs) Thread.SpinWait(20);
    }
}
