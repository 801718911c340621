using HapticShm.Shared.Protocol;
using HapticShm.Shared.Ring;

namespace HapticShm.Shared.Tests;

public sealed class RingFullTests : IDisposable
{
    private readonly TempRuntimeDirectory _dir = new();

    [Fact]
    public void TryPush_WhenFull_ReturnsFalseCountsAndKeepsUnreadSlots()
    {
        using var ring = CommandRing.Create(_dir.File("full.shm"), 8, Guid.NewGuid(), Environment.ProcessId);
        RingProducer producer = ring.Producer;
        for (byte i = 0; i < 8; i++) Assert.True(producer.TryPush(Command.NoteOn(0, i, 0.5f, 0)));

        Assert.Equal(0, producer.FreeSlots);
        for (int i = 0; i < 100; i++) Assert.False(producer.TryPush(Command.NoteOn(0, 100, 0.5f, 0)));

        RingCounters counters = ring.ReadCounters();
        Assert.Equal(8, counters.Pushed);
        Assert.Equal(100, counters.DroppedFull);
        // The eight unread commands are intact and in order: nothing was overwritten.
        for (byte i = 0; i < 8; i++)
        {
            Assert.True(ring.Consumer.TryPop(out Command command));
            Assert.Equal(i, command.Note);
            Assert.Equal(i, command.Sequence);
        }
        Assert.False(ring.Consumer.TryPop(out _));
    }

    [Fact]
    public void TryPush_AfterTheConsumerFreesASlot_AcceptsAgainWithTheNextSequence()
    {
        using var ring = CommandRing.Create(_dir.File("refill.shm"), 2, Guid.NewGuid(), Environment.ProcessId);
        RingProducer producer = ring.Producer;
        Assert.True(producer.TryPush(Command.Panic(0)));
        Assert.True(producer.TryPush(Command.Panic(0)));
        Assert.False(producer.TryPush(Command.Panic(0)));
        Assert.True(ring.Consumer.TryPop(out _));
        Assert.True(producer.TryPush(Command.Panic(0)));
        Assert.True(ring.Consumer.TryPop(out Command second));
        Assert.True(ring.Consumer.TryPop(out Command third));
        Assert.Equal(1, second.Sequence);
        Assert.Equal(3, third.Sequence); // sequence 2 was the counted drop
    }

    public void Dispose() => _dir.Dispose();
}
