using HapticShm.Engine.Audio;

namespace HapticShm.Server.Backends;

/// <summary>
/// Called by a backend once per audio block to fill <paramref name="output"/>.
/// </summary>
/// <param name="output">The device's channels for this block (all of them, already mapped).</param>
/// <param name="blockStartNs">When the first frame of this block is heard, on
/// <see cref="HapticShm.Shared.MonotonicClock"/>, in nanoseconds.</param>
/// <remarks>Real-time contract: runs on the device's thread; no allocation, no lock, no I/O, no
/// exception, returns promptly.</remarks>
public delegate void AudioRenderCallback(ChannelBuffers output, long blockStartNs);

/// <summary>An audio device the server renders to: JACK, ASIO, a clock thread with no device.</summary>
public interface IAudioBackend : IDisposable
{
    /// <summary>Short name for logs and the status block ("jack", "asio", "null").</summary>
    string Name { get; }

    /// <summary>Frames per second, known after <see cref="Open"/>.</summary>
    int SampleRate { get; }

    /// <summary>Frames per block, known after <see cref="Open"/> (may change on a device reset).</summary>
    int BlockSize { get; }

    /// <summary>Output channels the callback fills.</summary>
    int ChannelCount { get; }

    /// <summary>Device-reported overruns and underruns since <see cref="Start"/>.</summary>
    long Xruns { get; }

    /// <summary>Set when the device stopped on its own (JACK shut down, driver reset failed).</summary>
    bool HasFailed { get; }

    /// <summary>Connects to the device and learns its format; throws
    /// <see cref="AudioBackendException"/> with a sentence naming what to install or start.</summary>
    void Open(int channelCount);

    /// <summary>Starts calling <paramref name="callback"/> once per block.</summary>
    void Start(AudioRenderCallback callback);

    /// <summary>Stops the callbacks; returns after the last one finished.</summary>
    void Stop();
}
