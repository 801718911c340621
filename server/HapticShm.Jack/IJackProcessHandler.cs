namespace HapticShm.Jack;

/// <summary>Receives a <see cref="JackClient"/>'s callbacks.</summary>
/// <remarks><see cref="Process"/> runs on JACK's real-time thread: no allocation, no lock, no I/O,
/// return promptly. The others run on JACK's notification thread but must stay short too.</remarks>
public interface IJackProcessHandler
{
    /// <summary>One process cycle of <paramref name="frames"/> frames: read and write port buffers.</summary>
    void Process(int frames);

    /// <summary>The server reported an overrun or underrun.</summary>
    void XrunOccurred();

    /// <summary>The server changed its period; later cycles have <paramref name="frames"/> frames.</summary>
    void BufferSizeChanged(int frames);

    /// <summary>The server shut down or dropped this client; no more cycles will come.</summary>
    void ServerShutdown();
}
