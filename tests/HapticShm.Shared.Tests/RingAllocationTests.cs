using HapticShm.Shared.Protocol;
using HapticShm.Shared.Ring;

namespace HapticShm.Shared.Tests;

public sealed class RingAllocationTests : IDisposable
{
    private readonly TempRuntimeDirectory _dir = new();

    [Fact]
    public void PushAndPop_OneMillionTimes_AllocateNothing()
    {
        using var ring = CommandRing.Create(_dir.File("alloc.shm"), 1024, Guid.NewGuid(), Environment.ProcessId);
        RingProducer producer = ring.Producer;
        RingConsumer consumer = ring.Consumer;
        var command = Command.Mpe(3, MpeFields.Pressure, 0.5f, 0f, 0f, 1);
        RoundTrips(producer, consumer, command, 10_000); // warm up: JIT, tiering

        long before = GC.GetAllocatedBytesForCurrentThread();
        long popped = RoundTrips(producer, consumer, command, 1_000_000);
        long after = GC.GetAllocatedBytesForCurrentThread();

        Assert.Equal(1_000_000, popped);
        Assert.Equal(0, after - before);
    }

    private static long RoundTrips(RingProducer producer, RingConsumer consumer, Command command, int count)
    {
        long popped = 0;
        for (int i = 0; i < count; i++)
        {
            producer.TryPush(command);
            producer.StampHeartbeat(i);
            if (consumer.TryPop(out _)) popped++;
            consumer.StampHeartbeat(i);
        }
        return popped;
    }

    public void Dispose() => _dir.Dispose();
}
