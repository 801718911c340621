using HapticShm.Engine.Scheduling;
using HapticShm.Shared.Protocol;

namespace HapticShm.Engine.Tests;

public sealed class SchedulingTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(37)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(1000)]
    public void Render_NoteOnAtFrameK_StartsAtSampleK(int k)
    {
        var rig = new EngineRig();
        rig.Param(ParamId.Routing, (float)StimulusRouting.Standing);
        rig.Param(ParamId.AttackSeconds, 0f);
        rig.Submit(Command.NoteOn(0, 69, 0.5f, rig.Ns(k)));
        float[][] output = rig.Render(k + 200);
        double omega = 2 * Math.PI * 440 / 48000;
        Assert.Equal(0f, EngineRig.MaxAbs(output[0].AsSpan(0, k + 1)));
        for (int m = 1; m < 100; m++) Assert.Equal(0.5 * Math.Sin(omega * m), output[0][k + m], 5);
    }

    [Fact]
    public void Render_FixedLatency_DelaysEveryCommand()
    {
        var rig = new EngineRig(new EngineOptions { FixedLatencyNs = 1_000_000 }); // 48 frames
        rig.Param(ParamId.Routing, (float)StimulusRouting.Standing);
        rig.Submit(Command.NoteOn(0, 69, 0.5f, rig.Ns(10)));
        float[][] output = rig.Render(256);
        Assert.Equal(0f, EngineRig.MaxAbs(output[0].AsSpan(0, 59)));
        Assert.NotEqual(0f, output[0][60]);
    }

    [Fact]
    public void Render_CommandInThePast_PlaysAtFrameZeroAndCountsLate()
    {
        var rig = new EngineRig();
        rig.Param(ParamId.Routing, (float)StimulusRouting.Standing);
        rig.Param(ParamId.AttackSeconds, 0f);
        rig.Render(640);
        rig.Submit(Command.NoteOn(0, 69, 0.5f, rig.Ns(300)), clientId: 2);
        float[][] output = rig.Render(64, fromFrame: 640);
        Assert.Equal(1, rig.Engine.Counters.Late);
        Assert.Equal(1, rig.Engine.LateOf(2));
        Assert.Equal(0, rig.Engine.LateOf(0));
        Assert.Equal(0.5 * Math.Sin(2 * Math.PI * 440 / 48000), output[0][1], 5);
    }

    [Fact]
    public void Render_CommandInALaterBlock_StaysPending()
    {
        var rig = new EngineRig();
        rig.Submit(Command.NoteOn(0, 69, 0.5f, rig.Ns(64)));
        rig.Render(64);
        Assert.Equal(1, rig.Engine.PendingCount);
        Assert.Equal(0, rig.Engine.ActiveVoices);
        rig.Render(64, fromFrame: 64);
        Assert.Equal(0, rig.Engine.PendingCount);
        Assert.Equal(1, rig.Engine.ActiveVoices);
    }

    [Fact]
    public void Submit_QueueFull_ReturnsFalseAndCounts()
    {
        var rig = new EngineRig(new EngineOptions { PendingCapacity = 2 });
        Assert.True(rig.Engine.Submit(Command.Panic(1), 0));
        Assert.True(rig.Engine.Submit(Command.Panic(2), 0));
        Assert.False(rig.Engine.Submit(Command.Panic(3), 0));
        Assert.Equal(1, rig.Engine.Counters.QueueFull);
    }

    [Fact]
    public void PendingQueue_OutOfOrderAndEqualTimes_PopsByTimeThenArrival()
    {
        var queue = new PendingQueue(8);
        long[] due = [50, 10, 30, 10, 50, 20];
        for (int i = 0; i < due.Length; i++) Assert.True(queue.TryAdd(Command.Panic(i), clientId: i, due[i]));
        var order = new List<int>();
        while (queue.Count > 0)
        {
            order.Add(queue.Peek().ClientId);
            queue.RemoveHead();
        }
        Assert.Equal([1, 3, 5, 2, 0, 4], order);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(100)]
    [InlineData(333)]
    [InlineData(4096)]
    public void Render_AnyBlockSize_SameOutputAsBlock64(int block)
    {
        float[][] reference = Scenario.Render(64, out _);
        float[][] output = Scenario.Render(block, out _);
        for (int c = 0; c < reference.Length; c++)
        {
            for (int n = 0; n < reference[c].Length; n++)
            {
                Assert.True(Math.Abs(reference[c][n] - output[c][n]) <= 1e-6f, $"block {block}, channel {c}, frame {n}: {output[c][n]} vs {reference[c][n]}");
            }
        }
    }
}
