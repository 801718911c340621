namespace HapticShm.Server.Backends.Asio;

// Acts on driver messages outside the audio thread. Runs on the driver thread between control
// calls, every few milliseconds; allocates nothing unless there is work.
public sealed unsafe partial class AsioBackend
{
    private void Supervise()
    {
        var flags = (SupervisorFlags)Interlocked.Exchange(ref _pendingFlags, 0);
        if (flags == SupervisorFlags.None || _driver is null) return;
        try
        {
            if ((flags & SupervisorFlags.CallbackFailed) != 0)
            {
                StopDriver();
                _failed = true;
                return;
            }
            if ((flags & SupervisorFlags.Restart) != 0)
            {
                int size = (flags & SupervisorFlags.UseRequestedSize) != 0 ? Volatile.Read(ref _requestedBufferSize) : 0;
                Restart(size);
            }
            else if ((flags & SupervisorFlags.ReadLatencies) != 0)
            {
                ReadLatencies();
            }
        }
        catch (Exception)
        {
            // The driver refused to come back; the server sees HasFailed and reports it.
            _failed = true;
        }
    }

    /// <summary>Rebuilds the stream in place: same backend, same render callback, new buffers.</summary>
    /// <param name="requestedSize">Size the driver asked for, or 0 for its (new) preferred size.</param>
    private void Restart(int requestedSize)
    {
        bool wasRunning = _running;
        StopDriver();
        DisposeBuffers();
        ReadSampleRate();
        BufferSizes sizes = ReadBufferSizes();
        int size = requestedSize > 0 ? requestedSize : sizes.Preferred;
        CreateBuffers(size);
        if (wasRunning) StartDriver();
        Interlocked.Increment(ref _restarts);
    }
}
