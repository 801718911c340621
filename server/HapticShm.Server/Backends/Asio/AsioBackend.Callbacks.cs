using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using HapticShm.Shared;

namespace HapticShm.Server.Backends.Asio;

// The driver's callbacks. bufferSwitch* run on the driver's audio thread: no allocation, no
// lock, no syscall, no exception escapes; anything the audio thread cannot do is left as a flag
// for the supervisor (AsioBackend.Supervisor.cs).
public sealed unsafe partial class AsioBackend
{
    // ASIO passes no user pointer to its callbacks: they find the one open backend here.
    private static AsioBackend? Active;
    private static readonly Lock ActiveGate = new();

    private volatile AsioOutputBuffers? _buffers;
    private volatile bool _running;
    private volatile bool _failed;
    private volatile bool _callbackFailed;
    private bool _outputReady;
    private long _outputLatencyNs;
    private int _inCallback;
    private int _pendingFlags;
    private int _requestedBufferSize;
    private int _restarts;
    private long _xruns;
    private long _blocks;
    private long _expectedPosition = -1; // the driver's sample position the next block should have; -1 unknown

    private void ClaimActive()
    {
        lock (ActiveGate)
        {
            if (Active is not null && Active != this)
                throw new AudioBackendException("an ASIO driver is already open in this process; ASIO allows only one per process");
            Volatile.Write(ref Active, this);
        }
    }

    private void ReleaseActive()
    {
        lock (ActiveGate)
        {
            if (Active == this) Volatile.Write(ref Active, null);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnBufferSwitch(int doubleBufferIndex, int directProcess) =>
        Volatile.Read(ref Active)?.Process(doubleBufferIndex, null);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static AsioTime* OnBufferSwitchTimeInfo(AsioTime* time, int doubleBufferIndex, int directProcess)
    {
        Volatile.Read(ref Active)?.Process(doubleBufferIndex, time);
        return time;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnSampleRateDidChange(double rate) =>
        Volatile.Read(ref Active)?.Request(SupervisorFlags.Restart);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int OnAsioMessage(int selector, int value, void* message, double* opt)
    {
        AsioBackend? backend = Volatile.Read(ref Active);
        return backend is null ? 0 : backend.HandleMessage((AsioMessageSelector)selector, value);
    }

    private int HandleMessage(AsioMessageSelector selector, int value)
    {
        switch (selector)
        {
            case AsioMessageSelector.kAsioSelectorSupported:
                return IsAnswered((AsioMessageSelector)value) ? 1 : 0;
            case AsioMessageSelector.kAsioEngineVersion:
                return 2;
            case AsioMessageSelector.kAsioSupportsTimeInfo:
                return 1;
            case AsioMessageSelector.kAsioResetRequest:
                Request(SupervisorFlags.Restart);
                return 1;
            case AsioMessageSelector.kAsioBufferSizeChange:
                Volatile.Write(ref _requestedBufferSize, value);
                Request(SupervisorFlags.Restart | SupervisorFlags.UseRequestedSize);
                return 1;
            case AsioMessageSelector.kAsioLatenciesChanged:
                Request(SupervisorFlags.ReadLatencies);
                return 1;
            case AsioMessageSelector.kAsioResyncRequest:
                Interlocked.Increment(ref _xruns); // the driver lost samples; the clock mapper re-converges on its own
                return 1;
            default:
                return 0;
        }
    }

    private static bool IsAnswered(AsioMessageSelector selector) => selector is AsioMessageSelector.kAsioEngineVersion
        or AsioMessageSelector.kAsioSupportsTimeInfo or AsioMessageSelector.kAsioResetRequest
        or AsioMessageSelector.kAsioBufferSizeChange or AsioMessageSelector.kAsioLatenciesChanged
        or AsioMessageSelector.kAsioResyncRequest;

    private void Process(int doubleBufferIndex, AsioTime* time)
    {
        // Count ourselves in before checking _running so StopDriver can wait for us (see there).
        Interlocked.Increment(ref _inCallback);
        AsioOutputBuffers? buffers = _buffers;
        try
        {
            AudioRenderCallback? callback = _callback;
            if (!_running || buffers is null || callback is null) return;
            if (_callbackFailed)
            {
                buffers.Silence(doubleBufferIndex & 1);
                return;
            }
            long? systemTimeNs = null;
            if (time is not null)
            {
                if ((time->timeInfo.flags & AsioTimeInfoFlags.kSystemTimeValid) != 0) systemTimeNs = time->timeInfo.systemTime.ToInt64();
                if ((time->timeInfo.flags & AsioTimeInfoFlags.kSamplePositionValid) != 0) TrackPosition(time->timeInfo.samplePosition.ToInt64(), buffers.BlockSize);
            }
            long blockStartNs = _clock.BlockStartNs(systemTimeNs, MonotonicClock.NowNs(), _outputLatencyNs);
            buffers.Render(doubleBufferIndex & 1, callback, blockStartNs);
            if (_outputReady) _driver->OutputReady();
            Interlocked.Increment(ref _blocks);
        }
        catch (Exception)
        {
            // The engine is in an unknown state: never call it again, play silence, let the supervisor stop.
            _callbackFailed = true;
            _failed = true;
            buffers?.Silence(doubleBufferIndex & 1);
            Request(SupervisorFlags.CallbackFailed);
        }
        finally
        {
            Interlocked.Decrement(ref _inCallback);
        }
    }

    /// <summary>A sample position that skips (or repeats) blocks means the driver dropped audio: one xrun.</summary>
    private void TrackPosition(long position, int blockSize)
    {
        if (_expectedPosition >= 0 && position != _expectedPosition) Interlocked.Increment(ref _xruns);
        _expectedPosition = position + blockSize;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Request(SupervisorFlags flags) => Interlocked.Or(ref _pendingFlags, (int)flags);
}
