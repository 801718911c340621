using System.Diagnostics;
using System.Runtime.InteropServices;
using HapticShm.Server.Backends.Asio;
using HapticShm.Shared;

namespace HapticShm.Asio.Tests;

/// <summary>
/// An ASIO driver written in C#: a native object whose first word points at a native IASIO
/// vtable (FakeAsioDriver.Vtable.cs), so the backend calls it exactly as it calls a real
/// driver. It allocates double buffers on createBuffers and calls bufferSwitch (or
/// bufferSwitchTimeInfo, if the host says it supports it) from its own thread, measuring the
/// bytes allocated inside each switch on that thread.
/// </summary>
internal sealed unsafe partial class FakeAsioDriver : IDisposable
{
    /// <summary>How far the fake's "system time" epoch is behind MonotonicClock.</summary>
    public const long SystemTimeShiftNs = 5_000_000_000;

    private readonly FakeObject* _object;
    private GCHandle _self;
    private AsioCallbacks _callbacks;
    private AsioBufferInfo* _infos;
    private int _infoCount;
    private readonly List<nint> _halfBuffers = [];
    private readonly AsioTime* _time;
    private Thread? _thread;
    private volatile bool _run;
    private bool _useTimeInfo;

    public FakeAsioDriver(int outputs, AsioSampleType type)
    {
        Outputs = outputs;
        SampleType = type;
        _self = GCHandle.Alloc(this);
        _object = (FakeObject*)NativeMemory.AllocZeroed((nuint)sizeof(FakeObject));
        _object->Vtbl = SharedVtbl;
        _object->Self = GCHandle.ToIntPtr(_self);
        _time = (AsioTime*)NativeMemory.AllocZeroed((nuint)sizeof(AsioTime));
    }

    /// <summary>The IASIO* to hand to <see cref="AsioBackend.FromDriver"/>.</summary>
    public nint Pointer => (nint)_object;

    public int Outputs { get; }
    public AsioSampleType SampleType { get; }
    public double SampleRate { get; set; } = 48_000;
    public int MinBufferSize { get; set; } = 32;
    public int MaxBufferSize { get; set; } = 1024;
    public int PreferredBufferSize { get; set; } = 64;
    public int OutputLatency { get; set; } = 160;
    public bool SupportsOutputReady { get; set; } = true;
    /// <summary>Whether the fake asks the host for bufferSwitchTimeInfo (else plain bufferSwitch).</summary>
    public bool OfferTimeInfo { get; set; } = true;
    /// <summary>Sleep between switches; 0 switches as fast as the host renders.</summary>
    public int SwitchPeriodMs { get; set; } = 1;
    /// <summary>After this many switches the reported sample position skips one block (a dropout); -1 never.</summary>
    public long SkipBlockAfterSwitches { get; set; } = -1;
    /// <summary>Switches whose allocations are not counted (JIT, first-call costs).</summary>
    public int WarmUpSwitches { get; set; } = 200;

    public int BufferSize { get; private set; }
    /// <summary>Between start() and stop(): the switch thread runs.</summary>
    public bool IsRunning => _run;
    public int CreateBuffersCalls { get; private set; }
    public int DisposeBuffersCalls { get; private set; }
    public bool HostUsesTimeInfo => _useTimeInfo;
    public int[] CreatedChannels { get; private set; } = [];
    public long Switches => Interlocked.Read(ref _switches);
    public long MeasuredSwitches => Interlocked.Read(ref _measuredSwitches);
    public long AllocatedBytesInSwitches => Interlocked.Read(ref _allocatedInSwitches);
    /// <summary>Stopwatch ticks spent inside the measured switches (the host's whole callback).</summary>
    public long TicksInSwitches => Interlocked.Read(ref _ticksInSwitches);
    public long OutputReadyCalls => Interlocked.Read(ref _outputReadyCalls);

    private long _switches;
    private long _measuredSwitches;
    private long _allocatedInSwitches;
    private long _ticksInSwitches;
    private long _outputReadyCalls;

    /// <summary>Sends an asioMessage to the host, as a driver does from any thread.</summary>
    public int SendMessage(AsioMessageSelector selector, int value = 0) =>
        _callbacks.asioMessage(((int)selector), value, null, null);

    /// <summary>A copy of one half-buffer of the host's <paramref name="slot"/>-th created channel.</summary>
    public byte[] ReadHalf(int slot, int half) =>
        new ReadOnlySpan<byte>((void*)_infos[slot].Buffer(half), BufferSize * BytesPerSample(SampleType)).ToArray();

    private static int BytesPerSample(AsioSampleType type) => type switch
    {
        AsioSampleType.ASIOSTInt16LSB => 2,
        AsioSampleType.ASIOSTInt24LSB => 3,
        AsioSampleType.ASIOSTFloat64LSB => 8,
        _ => 4,
    };

    private int CreateBuffers(AsioBufferInfo* infos, int count, int size, AsioCallbacks* callbacks)
    {
        if (_infos is not null || size < MinBufferSize || size > MaxBufferSize) return (int)AsioError.ASE_InvalidMode;
        _callbacks = *callbacks;
        var channels = new int[count];
        for (int i = 0; i < count; i++)
        {
            if (infos[i].isInput != 0 || (uint)infos[i].channelNum >= (uint)Outputs) return (int)AsioError.ASE_InvalidParameter;
            channels[i] = infos[i].channelNum;
            infos[i].buffer0 = AllocHalf(size);
            infos[i].buffer1 = AllocHalf(size);
        }
        _infos = infos;
        _infoCount = count;
        BufferSize = size;
        CreatedChannels = channels;
        CreateBuffersCalls++;
        _useTimeInfo = OfferTimeInfo && _callbacks.asioMessage((int)AsioMessageSelector.kAsioSupportsTimeInfo, 0, null, null) == 1;
        return (int)AsioError.ASE_OK;
    }

    private nint AllocHalf(int size)
    {
        nint half = (nint)NativeMemory.AllocZeroed((nuint)(size * BytesPerSample(SampleType)));
        _halfBuffers.Add(half);
        return half;
    }

    private int DisposeBuffers()
    {
        if (_infos is null) return (int)AsioError.ASE_InvalidMode;
        StopThread();
        foreach (nint half in _halfBuffers) NativeMemory.Free((void*)half);
        _halfBuffers.Clear();
        _infos = null;
        _infoCount = 0;
        DisposeBuffersCalls++;
        return (int)AsioError.ASE_OK;
    }

    private int Start()
    {
        if (_infos is null || _thread is not null) return (int)AsioError.ASE_InvalidMode;
        _run = true;
        _thread = new Thread(SwitchLoop) { Name = "fake-asio", IsBackground = true };
        _thread.Start();
        return (int)AsioError.ASE_OK;
    }

    private void StopThread()
    {
        _run = false;
        _thread?.Join();
        _thread = null;
    }

    private void SwitchLoop()
    {
        long position = 0;
        int index = 0;
        while (_run)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            long startTicks = Stopwatch.GetTimestamp();
            if (_useTimeInfo)
            {
                _time->timeInfo.flags = AsioTimeInfoFlags.kSystemTimeValid | AsioTimeInfoFlags.kSamplePositionValid | AsioTimeInfoFlags.kSampleRateValid;
                _time->timeInfo.systemTime = AsioInt64.FromInt64(MonotonicClock.NowNs() - SystemTimeShiftNs);
                _time->timeInfo.samplePosition = AsioInt64.FromInt64(position);
                _time->timeInfo.sampleRate = SampleRate;
                _callbacks.bufferSwitchTimeInfo(_time, index, 1);
            }
            else
            {
                _callbacks.bufferSwitch(index, 1);
            }
            long ticks = Stopwatch.GetTimestamp() - startTicks;
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            if (Interlocked.Increment(ref _switches) > WarmUpSwitches)
            {
                Interlocked.Add(ref _ticksInSwitches, ticks);
                Interlocked.Add(ref _allocatedInSwitches, allocated);
                Interlocked.Increment(ref _measuredSwitches);
            }
            position += BufferSize;
            if (Switches == SkipBlockAfterSwitches) position += BufferSize;
            index ^= 1;
            if (SwitchPeriodMs > 0) Thread.Sleep(SwitchPeriodMs);
            else Thread.Yield();
        }
    }

    public void Dispose()
    {
        StopThread();
        if (_infos is not null) DisposeBuffers();
        NativeMemory.Free(_time);
        NativeMemory.Free(_object);
        _self.Free();
    }

    private struct FakeObject
    {
        public IAsioDriver.Vtbl* Vtbl;
        public nint Self;
    }
}
