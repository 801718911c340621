using HapticShm.Shared.Protocol;
using HapticShm.Shared.Ring;

namespace HapticShm.Shared.Tests;

/// <summary>Every sequence number arrives once and in order, or is counted as dropped.</summary>
public sealed class RingTransferTests : IDisposable
{
    private readonly TempRuntimeDirectory _dir = new();

    [Fact]
    public void TwoThreads_TenMillionCommandsThroughASmallRing_NothingLostOrReordered()
    {
        const long Count = 10_000_000;
        using var ring = CommandRing.Create(_dir.File("threads.shm"), 64, Guid.NewGuid(), Environment.ProcessId);
        RingProducer producer = ring.Producer;
        var producerThread = new Thread(() =>
        {
            for (long i = 0; i < Count; i++)
                producer.TryPush(Command.NoteOn((byte)(i & 15), (byte)(i & 127), 0.5f, i));
        });
        producerThread.Start();

        var tally = RingTally.Drain(ring.Consumer, () => !producerThread.IsAlive);
        producerThread.Join();

        RingCounters counters = ring.ReadCounters();
        Assert.Equal(Count, counters.Pushed + counters.DroppedFull);
        tally.AssertExactlyAccountedFor(counters, Count);
    }

    [Fact]
    public void TwoProcesses_CommandsThroughTheFile_NothingLostOrReordered()
    {
        const long Count = 2_000_000;
        string path = _dir.File("processes.shm");
        using var ring = CommandRing.Create(path, 256, Guid.NewGuid(), Environment.ProcessId);
        using var peer = RingPeerProcess.StartProducer(path, Count);

        var tally = RingTally.Drain(ring.Consumer, () => peer.HasExited);
        string output = peer.StandardOutput.ReadToEnd();
        peer.WaitForExit();

        Assert.Equal(0, peer.ExitCode);
        RingCounters counters = ring.ReadCounters();
        Assert.Equal(peer.Id, counters.ProducerPid);
        Assert.Equal($"pushed {counters.Pushed} dropped {counters.DroppedFull}", output.Trim());
        tally.AssertExactlyAccountedFor(counters, Count);
    }

    public void Dispose() => _dir.Dispose();
}
