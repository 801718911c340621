namespace HapticShm.Server.Backends.Null;

/// <summary>The format the null backend pretends to have.</summary>
public sealed record NullBackendOptions
{
    /// <summary>Frames per second.</summary>
    public int SampleRate { get; init; } = 48_000;

    /// <summary>Frames per block.</summary>
    public int BlockSize { get; init; } = 64;
}
