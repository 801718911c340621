using System.Runtime.CompilerServices;
using HapticShm.Shared.Protocol;

namespace HapticShm.Shared.Ring;

/// <summary>
/// The writing side of a ring: one thread of one process (the plugin's audio thread, a CLI
/// client). Wait-free: a full ring drops the newest command, counts it and returns false.
/// </summary>
/// <remarks>
/// Design: the producer owns <c>Tail</c> and its counters; it writes the slot, then publishes
/// it with a release store of <c>Tail</c>. It keeps its own copy of <c>Tail</c> (never
/// re-reading the shared one, which a corrupt peer could change) and a cached <c>Head</c> that it
/// re-reads only when the cache says the ring is full, so the consumer's line is touched once per
/// lap, not once per push. Sequence numbers count every attempt, so a gap the consumer sees is
/// either a counted drop or a loss.
/// </remarks>
public sealed unsafe class RingProducer
{
    private readonly CommandRing _ring;
    private readonly RingHeader* _header;
    private readonly Command* _slots;
    private readonly long _mask;
    private readonly long _capacity;
    private long _tail;
    private long _cachedHead;
    private long _nextSequence;
    private long _pushed;
    private long _dropped;

    internal RingProducer(CommandRing ring)
    {
        _ring = ring;
        _header = ring.Header;
        _slots = ring.Slots;
        _capacity = _header->Capacity;
        _mask = _capacity - 1;
        _tail = Volatile.Read(ref _header->Tail);
        _cachedHead = Volatile.Read(ref _header->Head);
        _pushed = Volatile.Read(ref _header->Pushed);
        _dropped = Volatile.Read(ref _header->DroppedFull);
        _nextSequence = _pushed + _dropped;
        Volatile.Write(ref _header->ProducerPid, Environment.ProcessId);
    }

    /// <summary>The ring this producer writes.</summary>
    public CommandRing Ring => _ring;

    /// <summary>The sequence number the next push will get.</summary>
    public long NextSequence => _nextSequence;

    /// <summary>Slots free right now (a lower bound: the consumer may free more meanwhile).</summary>
    public int FreeSlots
    {
        get
        {
            _cachedHead = Volatile.Read(ref _header->Head);
            ulong used = (ulong)(_tail - _cachedHead);
            return used >= (ulong)_capacity ? 0 : (int)(_capacity - (long)used);
        }
    }

    /// <summary>
    /// Stamps the next sequence number on <paramref name="command"/> and publishes it. Returns
    /// false, and counts a drop, when the ring is full; never blocks, never overwrites an unread
    /// slot, never allocates.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryPush(in Command command)
    {
        long tail = _tail;
        long sequence = _nextSequence++;
        // Unsigned compare: a corrupt Head ahead of Tail reads as full, never as room.
        if ((ulong)(tail - _cachedHead) >= (ulong)_capacity && !RefreshHead(tail))
        {
            Volatile.Write(ref _header->DroppedFull, ++_dropped);
            return false;
        }
        ref Command slot = ref _slots[tail & _mask];
        slot = command;
        slot.Sequence = sequence;
        _tail = tail + 1;
        Volatile.Write(ref _header->Tail, tail + 1);
        Volatile.Write(ref _header->Pushed, ++_pushed);
        return true;
    }

    /// <summary>Writes the producer heartbeat (plain store, no syscall).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void StampHeartbeat(long nowNs) => Volatile.Write(ref _header->ProducerHeartbeatNs, nowNs);

    /// <summary>Says which clock the stamps follow (one plain store of the packed report, no syscall).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void PublishClock(long packedClockSource) => Volatile.Write(ref _header->ProducerClock, packedClockSource);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool RefreshHead(long tail)
    {
        _cachedHead = Volatile.Read(ref _header->Head);
        return (ulong)(tail - _cachedHead) < (ulong)_capacity;
    }
}
