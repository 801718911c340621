namespace HapticShm.Engine;

/// <summary>Everything fixed when a <see cref="StimulusEngine"/> is built (pool sizes, buffers).</summary>
public sealed class EngineOptions
{
    /// <summary>Transducer positions and gains; one output channel each.</summary>
    public TransducerLayout Layout { get; init; } = TransducerLayout.Default;

    /// <summary>Output sample rate in Hz (8 000..384 000).</summary>
    public int SampleRate { get; init; } = 48000;

    /// <summary>Largest block <see cref="StimulusEngine.Render"/> accepts (1..65 536).</summary>
    public int MaxBlockFrames { get; init; } = 4096;

    /// <summary>Travelling-wave voices (1..64).</summary>
    public int WaveVoices { get; init; } = 8;

    /// <summary>Standing-wave voices (1..64).</summary>
    public int StandingVoices { get; init; } = 4;

    /// <summary>Phantom point-source voices (1..64); strokes draw their points with them too.</summary>
    public int PhantomVoices { get; init; } = 8;

    /// <summary>Added to every command's timestamp to get the time it sounds (>= 0).</summary>
    public long FixedLatencyNs { get; init; }

    /// <summary>Client ids are 0..MaxClients-1 (1..1024).</summary>
    public int MaxClients { get; init; } = 16;

    /// <summary>Commands waiting for their block (1..1 048 576).</summary>
    public int PendingCapacity { get; init; } = 4096;

    internal void Validate()
    {
        if (Layout is null) throw new ArgumentException("Layout is required", nameof(Layout));
        Check(SampleRate, 8000, 384_000, nameof(SampleRate));
        Check(MaxBlockFrames, 1, 65_536, nameof(MaxBlockFrames));
        Check(WaveVoices, 1, 64, nameof(WaveVoices));
        Check(StandingVoices, 1, 64, nameof(StandingVoices));
        Check(PhantomVoices, 1, 64, nameof(PhantomVoices));
        Check(MaxClients, 1, 1024, nameof(MaxClients));
        Check(PendingCapacity, 1, 1 << 20, nameof(PendingCapacity));
        if (FixedLatencyNs < 0) throw new ArgumentException($"{nameof(FixedLatencyNs)} must be >= 0", nameof(FixedLatencyNs));
    }

    private static void Check(int value, int min, int max, string name)
    {
        if (value < min || value > max) throw new ArgumentException($"{name} must be {min}..{max}, was {value}", name);
    }
}
