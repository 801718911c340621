using System.Runtime.InteropServices;

namespace HapticShm.Shared.Ring;

/// <summary>
/// The first page of a ring file. Identity fields are written once by the creator; every
/// field that changes while running sits on its own 64-byte cache line so that the producer
/// and the consumer never write to the same line. Offsets are locked by tests.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = RingLayout.HeaderSize)]
public struct RingHeader
{
    // Line 0: identity, written once at creation.
    /// <summary><see cref="RingLayout.Magic"/>.</summary>
    [FieldOffset(0)] public ulong Magic;
    /// <summary><see cref="RingLayout.Version"/>.</summary>
    [FieldOffset(8)] public int LayoutVersion;
    /// <summary>Bytes before the first slot.</summary>
    [FieldOffset(12)] public int HeaderSize;
    /// <summary>Bytes per slot (the command size).</summary>
    [FieldOffset(16)] public int SlotSize;
    /// <summary>Number of slots, a power of two.</summary>
    [FieldOffset(20)] public int Capacity;
    /// <summary>Identifies the client session this ring belongs to.</summary>
    [FieldOffset(24)] public Guid SessionId;
    /// <summary>Process id of the producer (the client), set when it attaches.</summary>
    [FieldOffset(40)] public int ProducerPid;
    /// <summary>Process id of the consumer (the server).</summary>
    [FieldOffset(44)] public int ConsumerPid;

    /// <summary>Producer's last sign of life, <see cref="MonotonicClock"/> ns.</summary>
    [FieldOffset(RingLayout.ProducerHeartbeatOffset)] public long ProducerHeartbeatNs;
    /// <summary>Consumer's last sign of life, <see cref="MonotonicClock"/> ns.</summary>
    [FieldOffset(RingLayout.ConsumerHeartbeatOffset)] public long ConsumerHeartbeatNs;

    /// <summary>Commands accepted into the ring (producer-owned).</summary>
    [FieldOffset(RingLayout.ProducerCountersOffset)] public long Pushed;
    /// <summary>Commands dropped because the ring was full (producer-owned).</summary>
    [FieldOffset(RingLayout.ProducerCountersOffset + 8)] public long DroppedFull;
    /// <summary>Which clock the producer stamps with, a packed <see cref="Status.ClockSourceStatus"/> (producer-owned).</summary>
    [FieldOffset(RingLayout.ProducerCountersOffset + 16)] public long ProducerClock;

    /// <summary>Valid commands handed to the consumer (consumer-owned).</summary>
    [FieldOffset(RingLayout.ConsumerCountersOffset)] public long Popped;
    /// <summary>Slots refused by validation, plus index corruptions seen (consumer-owned).</summary>
    [FieldOffset(RingLayout.ConsumerCountersOffset + 8)] public long RejectedInvalid;
    /// <summary>Commands that arrived after their time and played at a block start (consumer-owned).</summary>
    [FieldOffset(RingLayout.ConsumerCountersOffset + 16)] public long Late;

    /// <summary>Next slot index the producer writes; only the producer stores it.</summary>
    [FieldOffset(RingLayout.TailOffset)] public long Tail;
    /// <summary>Next slot index the consumer reads; only the consumer stores it.</summary>
    [FieldOffset(RingLayout.HeadOffset)] public long Head;
}
