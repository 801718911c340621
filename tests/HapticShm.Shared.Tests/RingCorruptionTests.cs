using System.Runtime.InteropServices;
using HapticShm.Shared.Protocol;
using HapticShm.Shared.Ring;

namespace HapticShm.Shared.Tests;

/// <summary>A scribbling peer can make the consumer reject commands, never throw or hand out garbage.</summary>
public sealed class RingCorruptionTests : IDisposable
{
    private readonly TempRuntimeDirectory _dir = new();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void TryPop_RandomBytesInSlots_RejectsAndCountsNeverHandsOutInvalid(int seed)
    {
        const int Capacity = 1024;
        string path = _dir.File($"random-{seed}.shm");
        using var ring = CommandRing.Create(path, Capacity, Guid.NewGuid(), Environment.ProcessId);
        for (int i = 0; i < Capacity; i++) Assert.True(ring.Producer.TryPush(Command.NoteOn(0, 60, 0.5f, 0)));

        var random = new Random(seed);
        byte[] noise = new byte[Capacity * Command.Size];
        random.NextBytes(noise);
        // Keep every 4th slot's bytes plausible so that some random commands are valid too.
        for (int slot = 0; slot < Capacity; slot += 4) noise[slot * Command.Size] = (byte)random.Next(1, 6);
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
        {
            stream.Position = RingLayout.HeaderSize;
            stream.Write(noise);
        }

        long handedOut = 0;
        while (ring.Consumer.TryPop(out Command command))
        {
            Assert.Equal(CommandError.None, CommandValidator.Validate(command));
            handedOut++;
        }
        RingCounters counters = ring.ReadCounters();
        Assert.Equal(Capacity, counters.Popped + counters.RejectedInvalid);
        Assert.Equal(handedOut, counters.Popped);
        Assert.True(counters.RejectedInvalid > Capacity / 2, $"only {counters.RejectedInvalid} of {Capacity} random slots rejected");
    }

    [Theory]
    [InlineData(1L << 40)]
    [InlineData(-5L)]
    public void TryPop_CorruptTail_CountsOnceAndResynchronises(long corruptTail)
    {
        string path = _dir.File($"tail-{corruptTail}.shm");
        using var ring = CommandRing.Create(path, 16, Guid.NewGuid(), Environment.ProcessId);
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
        {
            stream.Position = (int)Marshal.OffsetOf<RingHeader>(nameof(RingHeader.Tail));
            stream.Write(BitConverter.GetBytes(corruptTail));
        }

        Assert.False(ring.Consumer.TryPop(out _));
        Assert.Equal(1, ring.ReadCounters().RejectedInvalid);
        Assert.Equal(corruptTail, ring.ReadCounters().Head);
        Assert.False(ring.Consumer.TryPop(out _));
        Assert.Equal(1, ring.ReadCounters().RejectedInvalid);
    }

    public void Dispose() => _dir.Dispose();
}
