namespace HapticShm.Shared.Ring;

/// <summary>A snapshot of a ring's heartbeats and counters, for the watchdog, the status block
/// and the CLI. Each field is read atomically; the set is not one instant (it need not be).</summary>
public readonly record struct RingCounters(
    long Pushed,
    long DroppedFull,
    long Popped,
    long RejectedInvalid,
    long Late,
    long Head,
    long Tail,
    long ProducerHeartbeatNs,
    long ConsumerHeartbeatNs,
    int ProducerPid,
    int ConsumerPid,
    long ProducerClock)
{
    /// <summary>Commands written but not yet read.</summary>
    public long Fill => Math.Max(0, Tail - Head);

    internal static unsafe RingCounters Read(RingHeader* header) => new(
        Volatile.Read(ref header->Pushed),
        Volatile.Read(ref header->DroppedFull),
        Volatile.Read(ref header->Popped),
        Volatile.Read(ref header->RejectedInvalid),
        Volatile.Read(ref header->Late),
        Volatile.Read(ref header->Head),
        Volatile.Read(ref header->Tail),
        Volatile.Read(ref header->ProducerHeartbeatNs),
        Volatile.Read(ref header->ConsumerHeartbeatNs),
        Volatile.Read(ref header->ProducerPid),
        Volatile.Read(ref header->ConsumerPid),
        Volatile.Read(ref header->ProducerClock));
}
