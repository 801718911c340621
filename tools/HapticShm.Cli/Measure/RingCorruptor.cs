using HapticShm.Shared.Protocol;
using HapticShm.Shared.Ring;

namespace HapticShm.Cli.Measure;

/// <summary>Writes random bytes into a live ring file, as a buggy or hostile client could: whole
/// slots and the header's counters and indices (tail, head). Writes go through the file, which
/// shares its pages with every mapping of it.</summary>
internal static class RingCorruptor
{
    private static readonly int[] HeaderLines =
        [RingLayout.ProducerCountersOffset, RingLayout.ConsumerCountersOffset, RingLayout.TailOffset, RingLayout.HeadOffset];

    public static void Corrupt(string ringPath, int capacity, Random random, int slots = 32)
    {
        using var handle = File.OpenHandle(ringPath, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
        var bytes = new byte[Command.Size];
        for (int i = 0; i < slots; i++)
        {
            random.NextBytes(bytes);
            RandomAccess.Write(handle, bytes, RingLayout.HeaderSize + (long)random.Next(capacity) * Command.Size);
        }
        foreach (int line in HeaderLines)
        {
            random.NextBytes(bytes.AsSpan(0, 16));
            RandomAccess.Write(handle, bytes.AsSpan(0, 16), line + 8 * random.Next(7));
        }
    }
}
