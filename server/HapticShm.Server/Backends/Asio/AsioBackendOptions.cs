namespace HapticShm.Server.Backends.Asio;

/// <summary>How <see cref="AsioBackend"/> picks its driver, channels and block size.</summary>
public sealed class AsioBackendOptions
{
    /// <summary>Driver name as registered under HKLM\SOFTWARE\ASIO, or its index in that list;
    /// null picks the first driver.</summary>
    public string? Driver { get; init; }

    /// <summary>Output channels, in the order the engine's channels map to them: each entry is a
    /// zero-based index ("40"), an inclusive range ("0-7") or a channel name as the driver reports
    /// it. Any subset, any order, non-contiguous. Null or empty: the first N outputs.</summary>
    public IReadOnlyList<string>? OutputChannels { get; init; }

    /// <summary>Frames per block; null uses the driver's preferred size.</summary>
    public int? BufferSize { get; init; }

    /// <summary>Sample rate to ask the driver for; null keeps the driver's current rate.</summary>
    public double? SampleRate { get; init; }
}
