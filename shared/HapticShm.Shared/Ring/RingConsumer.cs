using System.Runtime.CompilerServices;
using HapticShm.Shared.Protocol;

namespace HapticShm.Shared.Ring;

/// <summary>
/// The reading side of a ring: the server's audio callback (or a test). Wait-free and
/// allocation-free; hands out only commands that pass <see cref="CommandValidator"/>.
/// </summary>
/// <remarks>
/// Design: the consumer owns <c>Head</c> and its counters. It caches <c>Tail</c> and re-reads it
/// (acquire) only when the cache says the ring is empty. A slot is copied out before
/// <c>Head</c> moves past it, and the copy is validated, so a producer scribbling on the slot
/// afterwards cannot change what the engine sees. A <c>Tail</c> that claims more than a full
/// ring, or moves backwards, is corruption: the consumer counts it as rejected and resynchronises
/// to it instead of reading garbage.
/// </remarks>
public sealed unsafe class RingConsumer
{
    private readonly RingHeader* _header;
    private readonly Command* _slots;
    private readonly long _mask;
    private readonly long _capacity;
    private long _head;
    private long _cachedTail;
    private long _popped;
    private long _rejected;
    private long _late;

    internal RingConsumer(CommandRing ring)
    {
        _header = ring.Header;
        _slots = ring.Slots;
        _capacity = _header->Capacity;
        _mask = _capacity - 1;
        _head = Volatile.Read(ref _header->Head);
        _cachedTail = _head;
        _popped = Volatile.Read(ref _header->Popped);
        _rejected = Volatile.Read(ref _header->RejectedInvalid);
        _late = Volatile.Read(ref _header->Late);
    }

    /// <summary>Valid commands popped so far.</summary>
    public long Popped => _popped;

    /// <summary>Slots consumed so far, valid or not (the consumer's index).</summary>
    public long Position => _head;

    /// <summary>Slots rejected so far.</summary>
    public long Rejected => _rejected;

    /// <summary>
    /// Takes the oldest valid command. Invalid slots on the way are skipped and counted (at most
    /// one ring's worth per call). Returns false when nothing valid is waiting. Never throws.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryPop(out Command command)
    {
        bool refreshed = false;
        while (true)
        {
            long head = _head;
            // Re-read Tail at most once per call: a producer that keeps pushing invalid slots
            // cannot hold the caller here for more than one ring's worth of them.
            if (head == _cachedTail)
            {
                if (refreshed || !RefreshTail(head))
                {
                    command = default;
                    return false;
                }
                refreshed = true;
            }
            command = _slots[head & _mask];
            _head = head + 1;
            Volatile.Write(ref _header->Head, head + 1);
            if (CommandValidator.Validate(command) == CommandError.None)
            {
                Volatile.Write(ref _header->Popped, ++_popped);
                return true;
            }
            Volatile.Write(ref _header->RejectedInvalid, ++_rejected);
        }
    }

    /// <summary>Adds to the late counter (commands that played after their time).</summary>
    public void CountLate(int count) => Volatile.Write(ref _header->Late, _late += count);

    /// <summary>Writes the consumer heartbeat (plain store, no syscall).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void StampHeartbeat(long nowNs) => Volatile.Write(ref _header->ConsumerHeartbeatNs, nowNs);

    /// <summary>The producer's last heartbeat, for the watchdog.</summary>
    public long ProducerHeartbeatNs => Volatile.Read(ref _header->ProducerHeartbeatNs);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool RefreshTail(long head)
    {
        long tail = Volatile.Read(ref _header->Tail);
        long available = tail - head;
        if (available > 0 && available <= _capacity)
        {
            _cachedTail = tail;
            return true;
        }
        if (available != 0)
        {
            // Corrupt tail: skip to it and count once, rather than read slots never written.
            _head = tail;
            _cachedTail = tail;
            Volatile.Write(ref _header->Head, tail);
            Volatile.Write(ref _header->RejectedInvalid, ++_rejected);
        }
        return false;
    }
}
