using HapticShm.Server.Audio;
using HapticShm.Shared.Protocol;
using HapticShm.Shared.Ring;
using HapticShm.Shared.Status;

namespace HapticShm.Server.Tests.Audio;

/// <summary>The block size is read from every block: latency, load period and publication follow it.</summary>
public sealed class AudioCallbackBlockSizeTests : IDisposable
{
    private readonly CallbackRig _rig = new(blockSize: 64, maxBlockFrames: 4096);

    [Fact]
    public void Render_WhenTheDeviceMovesTo8192Frames_RendersInPiecesWithTheNewLatency()
    {
        CommandRing ring = _rig.AddClient(0);
        for (int i = 0; i < 10; i++) _rig.RenderBlock(64);
        Assert.Equal(BlockTiming.For(CallbackRig.SampleRate, 64, CallbackRig.MarginNs).FixedLatencyNs, _rig.Callback.FixedLatencyNs);

        long expected = (long)(2 * 8192 * 1e9 / CallbackRig.SampleRate) + CallbackRig.MarginNs;
        Assert.True(ring.Producer.TryPush(Command.NoteOn(0, 48, 1f, _rig.NextBlockStartNs - expected)));
        _rig.RenderBlock(8192);

        Assert.False(_rig.Callback.HasFailed, $"the callback failed: {_rig.Callback.Fault}");
        Assert.Equal(8192, _rig.Callback.BlockSize);
        Assert.Equal(expected, _rig.Callback.FixedLatencyNs);
        Assert.Equal(expected, _rig.Engine.FixedLatencyNs);
        // The note starts on the block's first frame (latency recomputed before the drain) and
        // plays on through the second piece.
        Assert.True(Peak(0, 64) > 0, "the note starts at the block's first frame");
        Assert.True(Peak(4096, 8192) > 0.05f, "the second piece of the block is rendered");
        for (int i = 0; i < 8; i++) _rig.RenderBlock(8192);
        StatusBlock status = _rig.ReadStatus();
        Assert.Equal(8192, status.BlockSize);
        Assert.Equal(expected, status.FixedLatencyNs);

        _rig.RenderBlock(32);
        Assert.Equal(32, _rig.Callback.BlockSize);
        Assert.Equal((long)(2 * 32 * 1e9 / CallbackRig.SampleRate) + CallbackRig.MarginNs, _rig.Engine.FixedLatencyNs);
        Assert.False(_rig.Callback.HasFailed);
    }

    private float Peak(int from, int to)
    {
        float peak = 0;
        for (int c = 0; c < _rig.Output.ChannelCount; c++)
            foreach (float sample in _rig.Output.Channel(c)[from..to]) peak = Math.Max(peak, Math.Abs(sample));
        return peak;
    }

    public void Dispose() => _rig.Dispose();
}
