using HapticShm.Shared.Protocol;

namespace HapticShm.Shared.Ring;

/// <summary>Constants of the ring file format. The file is the header page followed by
/// <c>Capacity</c> slots of <see cref="Command.Size"/> bytes.</summary>
public static class RingLayout
{
    /// <summary>"HSHMRING" in little-endian ASCII.</summary>
    public const ulong Magic = 0x474E_4952_4D48_5348;
    /// <summary>Bumped whenever the header or <see cref="Command"/> layout changes.</summary>
    public const int Version = 2;
    /// <summary>One page, so the slots start page-aligned.</summary>
    public const int HeaderSize = 4096;
    /// <summary>Size of one cache line, the unit of separation between writers.</summary>
    public const int CacheLine = 64;
    /// <summary>Smallest allowed capacity.</summary>
    public const int MinCapacity = 2;
    /// <summary>Largest allowed capacity (64 MiB of slots).</summary>
    public const int MaxCapacity = 1 << 20;
    /// <summary>Default capacity of a client ring: far more than a block's worth of events.</summary>
    public const int DefaultCapacity = 4096;

    /// <summary>Offset of the producer heartbeat line.</summary>
    public const int ProducerHeartbeatOffset = 1 * CacheLine;
    /// <summary>Offset of the consumer heartbeat line.</summary>
    public const int ConsumerHeartbeatOffset = 2 * CacheLine;
    /// <summary>Offset of the producer's counters line.</summary>
    public const int ProducerCountersOffset = 3 * CacheLine;
    /// <summary>Offset of the consumer's counters line.</summary>
    public const int ConsumerCountersOffset = 4 * CacheLine;
    /// <summary>Offset of the tail (producer index) line.</summary>
    public const int TailOffset = 5 * CacheLine;
    /// <summary>Offset of the head (consumer index) line.</summary>
    public const int HeadOffset = 6 * CacheLine;

    /// <summary>Total file size of a ring with <paramref name="capacity"/> slots.</summary>
    public static long FileSize(int capacity) => HeaderSize + (long)capacity * Command.Size;

    /// <summary>True for a power of two within the allowed range.</summary>
    public static bool IsValidCapacity(int capacity) =>
        capacity >= MinCapacity && capacity <= MaxCapacity && (capacity & (capacity - 1)) == 0;
}
