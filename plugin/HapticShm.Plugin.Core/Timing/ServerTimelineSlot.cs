namespace HapticShm.Plugin.Core.Timing;

/// <summary>
/// Hands the <see cref="ServerTimeline"/> from the connection thread (which reads the status
/// block) to the audio thread (which must not touch a mapping another thread may unmap). A
/// sequence lock: one writer, one reader; the reader never waits, it tries a few times and
/// otherwise keeps what it had.
/// </summary>
public sealed class ServerTimelineSlot
{
    private const int ReadAttempts = 3;
    private int _version;
    private ServerTimeline _value;

    /// <summary>Publishes a new timeline (connection thread).</summary>
    public void Publish(in ServerTimeline timeline)
    {
        Interlocked.Increment(ref _version); // odd: being written
        _value = timeline;
        Interlocked.Increment(ref _version);
    }

    /// <summary>Forgets the timeline (the session ended).</summary>
    public void Clear() => Publish(default);

    /// <summary>The last published timeline, unless a write was under way every time it looked.</summary>
    public bool TryRead(out ServerTimeline timeline)
    {
        for (int attempt = 0; attempt < ReadAttempts; attempt++)
        {
            int before = Volatile.Read(ref _version);
            if ((before & 1) != 0) continue;
            timeline = _value;
            Interlocked.MemoryBarrier();
            if (Volatile.Read(ref _version) == before) return true;
        }
        timeline = default;
        return false;
    }
}
