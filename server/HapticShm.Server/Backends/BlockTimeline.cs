namespace HapticShm.Server.Backends;

/// <summary>
/// Where the block being rendered sits on the server's timeline: the device's frame counter at
/// its first frame and the block start (ns) the engine schedules against, plus how often the
/// timeline has stepped or been re-anchored. Between two changes of <see cref="Steps"/> or
/// <see cref="Resyncs"/>, every block's start is exactly <c>StartNs + (frame - Frame) / rate</c>.
/// </summary>
/// <param name="Frame">Device frame counter of the block's first frame (JACK: frame time, 32-bit, wraps).</param>
/// <param name="StartNs">The block's start on the monotonic clock (ns), as passed to the render callback.</param>
/// <param name="Steps">Whole-frame steps of the timeline so far.</param>
/// <param name="Resyncs">Re-anchorings to the device clock so far.</param>
public readonly record struct BlockTimeline(long Frame, long StartNs, long Steps, long Resyncs);
