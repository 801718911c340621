namespace HapticShm.Server.Backends.Asio;

/// <summary>Work the audio thread or a driver message leaves for the backend's driver thread.</summary>
[Flags]
internal enum SupervisorFlags
{
    None = 0,
    /// <summary>Stop, dispose buffers, re-read the driver's format and size, create, start.</summary>
    Restart = 1,
    /// <summary>With <see cref="Restart"/>: use the size the driver sent with kAsioBufferSizeChange.</summary>
    UseRequestedSize = 2,
    /// <summary>Re-read the output latency (no restart needed).</summary>
    ReadLatencies = 4,
    /// <summary>The render callback threw: stop the driver and report failure.</summary>
    CallbackFailed = 8,
}
