using System.Diagnostics;
using System.Runtime.InteropServices;

namespace HapticShm.Jack;

// The native callbacks: each finds its client through the GCHandle passed as JACK's arg and
// forwards to the handler. No exception crosses back into libjack.
public sealed unsafe partial class JackClient
{
    // First cycles run cold code (tier-0 JIT, static constructors); allocation counting starts after them.
    private const int AllocationWarmUpCycles = 64;

    private static readonly bool CountAllocations =
        !AppContext.TryGetSwitch("HapticShm.Jack.CountCallbackAllocations", out bool enabled) || enabled;

    private long _cycles;
    private long _callbackAllocatedBytes;
    private long _measuredCycles;
    private long _callbackTicksTotal;
    private long _callbackTicksMax;
    private volatile bool _callbackFaulted;
    private Exception? _callbackException;

    /// <summary>Process cycles run so far.</summary>
    public long Cycles => Volatile.Read(ref _cycles);

    /// <summary>Bytes the process path allocated on JACK's thread, summed over all cycles after the
    /// first 64 (measured with GC.GetAllocatedBytesForCurrentThread; the target is 0).
    /// The AppContext switch "HapticShm.Jack.CountCallbackAllocations"=false turns counting off.</summary>
    public long CallbackAllocatedBytes => Volatile.Read(ref _callbackAllocatedBytes);

    /// <summary>Longest process callback after warm-up, in ns (the handler's work plus this wrapper).</summary>
    public long CallbackMaxNs => TicksToNs(Volatile.Read(ref _callbackTicksMax));

    /// <summary>Mean process callback duration after warm-up, in ns.</summary>
    public long CallbackMeanNs
    {
        get
        {
            long cycles = Volatile.Read(ref _measuredCycles);
            return cycles == 0 ? 0 : TicksToNs(Volatile.Read(ref _callbackTicksTotal) / cycles);
        }
    }

    /// <summary>Set when the handler's <see cref="IJackProcessHandler.Process"/> threw; no more
    /// cycles reach it after that.</summary>
    public bool CallbackFaulted => _callbackFaulted;

    /// <summary>What the handler threw, if <see cref="CallbackFaulted"/>.</summary>
    public Exception? CallbackException => Volatile.Read(ref _callbackException);

    private static long TicksToNs(long ticks) => (long)(ticks * (1e9 / Stopwatch.Frequency));

    private static JackClient? FromArg(nint arg) => GCHandle.FromIntPtr(arg).Target as JackClient;

    [UnmanagedCallersOnly]
    private static int OnProcess(uint frames, nint arg)
    {
        JackClient? client = FromArg(arg);
        if (client is null || client._callbackFaulted) return 0;
        long started = Stopwatch.GetTimestamp();
        long before = CountAllocations ? GC.GetAllocatedBytesForCurrentThread() : 0;
        try
        {
            client._handler!.Process((int)frames);
        }
        catch (Exception ex)
        {
            Volatile.Write(ref client._callbackException, ex);
            client._callbackFaulted = true;
        }
        long cycles = client._cycles + 1;
        Volatile.Write(ref client._cycles, cycles);
        if (cycles > AllocationWarmUpCycles)
        {
            if (CountAllocations)
                Volatile.Write(ref client._callbackAllocatedBytes, client._callbackAllocatedBytes + GC.GetAllocatedBytesForCurrentThread() - before);
            long ticks = Stopwatch.GetTimestamp() - started;
            Volatile.Write(ref client._callbackTicksTotal, client._callbackTicksTotal + ticks);
            if (ticks > client._callbackTicksMax) Volatile.Write(ref client._callbackTicksMax, ticks);
            Volatile.Write(ref client._measuredCycles, client._measuredCycles + 1);
        }
        return 0;
    }

    [UnmanagedCallersOnly]
    private static int OnXrun(nint arg)
    {
        Forward<XrunCall>(arg);
        return 0;
    }

    [UnmanagedCallersOnly]
    private static int OnBufferSize(uint frames, nint arg)
    {
        JackClient? client = FromArg(arg);
        try
        {
            client?._handler?.BufferSizeChanged((int)frames);
        }
        catch (Exception ex)
        {
            client?.RecordFault(ex);
        }
        return 0;
    }

    [UnmanagedCallersOnly]
    private static void OnShutdown(nint arg) => Forward<ShutdownCall>(arg);

    // These run on JACK's notification thread, which may never have run managed code before, so
    // nothing here allocates: the call is a type, not a lambda (whose cached delegate would be
    // created on the first xrun and cost that thread a fresh allocation context while the server
    // is expected to allocate nothing).
    private static void Forward<TCall>(nint arg) where TCall : IHandlerCall
    {
        JackClient? client = FromArg(arg);
        try
        {
            if (client?._handler is { } handler) TCall.Invoke(handler);
        }
        catch (Exception ex)
        {
            client?.RecordFault(ex);
        }
    }

    private interface IHandlerCall
    {
        static abstract void Invoke(IJackProcessHandler handler);
    }

    private readonly struct XrunCall : IHandlerCall
    {
        public static void Invoke(IJackProcessHandler handler) => handler.XrunOccurred();
    }

    private readonly struct ShutdownCall : IHandlerCall
    {
        public static void Invoke(IJackProcessHandler handler) => handler.ServerShutdown();
    }

    private void RecordFault(Exception ex)
    {
        Volatile.Write(ref _callbackException, ex);
        _callbackFaulted = true;
    }
}
