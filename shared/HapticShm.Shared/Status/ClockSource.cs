namespace HapticShm.Shared.Status;

/// <summary>Which clock a client's timestamps follow (see <see cref="ClockSourceStatus"/>).</summary>
public enum ClockSource : byte
{
    /// <summary>Not reported (no block processed yet, or a client that does not say).</summary>
    Unknown = 0,
    /// <summary>The client's own fit of its calls; the host gives no clock.</summary>
    OwnFit = 1,
    /// <summary>The client's own fit while the host's clock is being checked against ours.</summary>
    Checking = 2,
    /// <summary>The host's clock, checked against ours and moved onto it.</summary>
    HostClock = 3,
    /// <summary>The client's own fit: the host's clock failed the check (see <see cref="HostClockFault"/>).</summary>
    HostClockRejected = 4,
    /// <summary>The server's own timeline: host and server share JACK's cycles, so each host sample
    /// is an exact server frame; the value is the promised latency in samples.</summary>
    ServerCycles = 5,
}
