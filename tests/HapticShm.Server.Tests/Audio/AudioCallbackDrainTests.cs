using HapticShm.Shared.Protocol;
using HapticShm.Shared.Ring;
using Xunit.Abstractions;

namespace HapticShm.Server.Tests.Audio;

/// <summary>A producer faster than the engine cannot keep the audio thread draining.</summary>
public sealed class AudioCallbackDrainTests(ITestOutputHelper output) : IDisposable
{
    private const int Capacity = 1024;
    private readonly CallbackRig _rig = new();

    [Fact]
    public void Render_WithAProducerThatNeverStops_TakesAtMostOneRingPerBlockAndTheRestNextBlock()
    {
        CommandRing ring = _rig.AddClient(0, Capacity);
        RingConsumer consumer = ring.Consumer;
        using var stop = new CancellationTokenSource();
        long pushed = 0;
        var producer = new Thread(() =>
        {
            RingProducer p = ring.Producer;
            while (!stop.IsCancellationRequested)
                if (p.TryPush(Command.Param(ParamId.WaveSpeed, 150, 0))) Interlocked.Increment(ref pushed);
        }) { IsBackground = true };
        producer.Start();

        var perBlock = new List<long>();
        try
        {
            Assert.True(SpinWait.SpinUntil(() => ring.ReadCounters().Fill == Capacity, 10_000), "the producer fills the ring");
            for (int block = 0; block < 50; block++)
            {
                long before = consumer.Position;
                Assert.True(Finishes.Within(TimeSpan.FromSeconds(10), () => _rig.RenderBlock()), $"block {block}: the callback did not return while the producer kept pushing");
                perBlock.Add(consumer.Position - before);
            }
        }
        finally
        {
            stop.Cancel();
            producer.Join();
        }
        output.WriteLine($"commands taken per block with a producer that never stops: min {perBlock.Min()}, max {perBlock.Max()}, mean {perBlock.Average():F0}");
        Assert.Equal(Capacity, perBlock[0]); // a full ring and a producer still pushing: exactly one ring's worth
        Assert.All(perBlock, taken => Assert.InRange(taken, 0, Capacity));

        // The producer stopped: what it left is drained within the next block, and nothing is lost uncounted.
        _rig.RenderBlock();
        RingCounters counters = ring.ReadCounters();
        Assert.Equal(0, counters.Fill);
        Assert.Equal(Interlocked.Read(ref pushed), counters.Popped);
        Assert.Equal(counters.Pushed, counters.Popped);
    }

    [Fact]
    public void Render_WithAProducerOfInvalidCommandsThatNeverStops_ReturnsEveryBlock()
    {
        CommandRing ring = _rig.AddClient(0, Capacity);
        RingConsumer consumer = ring.Consumer;
        using var stop = new CancellationTokenSource();
        var invalid = Command.Param(ParamId.WaveSpeed, float.NaN, 0);
        var producer = new Thread(() =>
        {
            RingProducer p = ring.Producer;
            while (!stop.IsCancellationRequested) p.TryPush(invalid);
        }) { IsBackground = true };
        producer.Start();
        var perBlock = new List<long>();
        try
        {
            for (int block = 0; block < 50; block++)
            {
                long before = consumer.Position;
                Assert.True(Finishes.Within(TimeSpan.FromSeconds(10), () => _rig.RenderBlock()), $"block {block}: the callback did not return");
                perBlock.Add(consumer.Position - before);
            }
        }
        finally
        {
            stop.Cancel();
            producer.Join();
        }
        output.WriteLine($"invalid slots skipped per block: max {perBlock.Max()}");
        // One ring's worth of pops, each of which may skip at most one ring's worth of invalid slots.
        Assert.All(perBlock, taken => Assert.InRange(taken, 0, 2 * Capacity));
        Assert.True(ring.ReadCounters().RejectedInvalid > 0);
    }

    public void Dispose() => _rig.Dispose();
}
