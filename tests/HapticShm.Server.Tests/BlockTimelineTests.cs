using HapticShm.Engine.Audio;
using HapticShm.Jack;
using HapticShm.Server.Backends;
using HapticShm.Server.Backends.Jack;
using HapticShm.Server.Backends.Null;
using HapticShm.Server.Tests.Jack;

namespace HapticShm.Server.Tests;

/// <summary>The timeline a backend publishes is the one its render callback is given: block start
/// = the published start, and exactly linear in frames between steps and resyncs.</summary>
public sealed class BlockTimelineTests(JackServerFixture server) : IClassFixture<JackServerFixture>
{
    private const int Blocks = 400;

    [Fact]
    public void JackBackend_Timeline_IsTheCallbacksBlockStartAndExactlyLinearBetweenSteps()
    {
        using var backend = new JackBackend(new JackBackendOptions { ClientName = "hsm-timeline", ServerName = server.ServerName });
        backend.Open(1);
        Assert.NotEmpty(Record(backend, backend, backend.SampleRate));
    }

    [Fact]
    public void NullBackend_Timeline_IsTheCallbacksBlockStartAndExactlyLinear()
    {
        using var backend = new NullBackend();
        backend.Open(2);
        List<(BlockTimeline Timeline, long BlockStartNs)> blocks = Record(backend, backend, backend.SampleRate);
        Assert.All(blocks, b => Assert.Equal((0, 0), (b.Timeline.Steps, b.Timeline.Resyncs)));
    }

    private static List<(BlockTimeline Timeline, long BlockStartNs)> Record(IAudioBackend backend, IBlockTimelineSource source, int rate)
    {
        var timelines = new BlockTimeline[Blocks];
        var starts = new long[Blocks];
        int count = 0;
        backend.Start((ChannelBuffers output, long blockStartNs) =>
        {
            if (count >= Blocks) return;
            timelines[count] = source.Timeline;
            starts[count] = blockStartNs;
            count++;
        });
        Assert.True(Wait.Until(() => Volatile.Read(ref count) >= Blocks, TimeSpan.FromSeconds(5)), $"{Blocks} blocks did not run within 5 s");
        backend.Stop();

        var blocks = new List<(BlockTimeline, long)>();
        BlockTimeline origin = timelines[0];
        for (int b = 0; b < Blocks; b++)
        {
            BlockTimeline t = timelines[b];
            Assert.Equal(starts[b], t.StartNs);
            if (t.Steps != origin.Steps || t.Resyncs != origin.Resyncs) origin = t; // a new piece of the line
            // Within one piece, every block's start is the origin's plus its frames, to the ns.
            long frames = (uint)((uint)t.Frame - (uint)origin.Frame);
            Assert.InRange(t.StartNs - origin.StartNs - JackTime.FramesToNs(frames, rate), -1, 1);
            blocks.Add((t, starts[b]));
        }
        return blocks;
    }
}
