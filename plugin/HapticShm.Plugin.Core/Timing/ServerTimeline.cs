namespace HapticShm.Plugin.Core.Timing;

/// <summary>
/// The server's timeline as its status block last said: block <see cref="Frame"/> (the device's
/// frame counter, 32 bits, wraps) starts at <see cref="StartNs"/>, and every other block start lies
/// on the same line, <c>StartNs + (F - Frame) / SampleRate</c>, until <see cref="Steps"/> or
/// <see cref="Resyncs"/> change.
/// </summary>
public readonly record struct ServerTimeline(uint Frame, long StartNs, int SampleRate, int BlockSize, long Steps, long Resyncs, long FixedLatencyNs)
{
    /// <summary>True when the server has published a timeline (a block has run).</summary>
    public bool IsKnown => StartNs != 0 && SampleRate > 0 && BlockSize > 0;
}
