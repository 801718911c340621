using HapticShm.Plugin.Clap;
using HapticShm.Plugin.Clap.Interop;
using HapticShm.Plugin.Core.Timing;

namespace HapticShm.Plugin.Tests.Clap;

/// <summary>What a CLAP block tells the block clock: steady_time is the continuous sample position
/// (-1: none), the transport (with a seconds timeline) says playing and where, in samples.</summary>
public sealed unsafe class ClapHostBlockTests
{
    [Fact]
    public void SteadyTime_IsTheContinuousPosition_NoTransportNoProjectTime()
    {
        var process = new ClapProcess { SteadyTime = 96_000, FramesCount = 64 };
        HostBlock block = ClapInstance.ReadBlock(&process, 48000, nowNs: 123);
        Assert.Equal((123L, 64, 48000.0), (block.NowNs, block.NumSamples, block.SampleRate));
        Assert.True(block.HasContinuousTime);
        Assert.Equal(96_000, block.ContinuousTimeSamples);
        Assert.False(block.HasTransport);
        Assert.False(block.HasSystemTime);
        Assert.Equal(HostProcessMode.Realtime, block.Mode);
    }

    [Fact]
    public void NoSteadyTime_LeavesTheClockToCountSamples()
    {
        var process = new ClapProcess { SteadyTime = -1, FramesCount = 128 };
        HostBlock block = ClapInstance.ReadBlock(&process, 44100, nowNs: 5);
        Assert.False(block.HasContinuousTime);
        Assert.Equal(128, block.NumSamples);
    }

    [Fact]
    public void Transport_WithSecondsTimeline_GivesPlayingAndTheProjectSample()
    {
        var transport = new ClapEventTransport
        {
            Flags = ClapEventTransport.HasSecondsTimeline | ClapEventTransport.IsPlaying,
            SongPosSeconds = 5 * ClapEventTransport.SecTimeFactor / 2, // 2.5 s
        };
        var process = new ClapProcess { SteadyTime = 0, FramesCount = 64, Transport = &transport };
        HostBlock block = ClapInstance.ReadBlock(&process, 48000, nowNs: 0);
        Assert.True(block.HasTransport);
        Assert.True(block.IsPlaying);
        Assert.Equal(120_000, block.ProjectTimeSamples);

        transport.Flags = ClapEventTransport.IsPlaying | ClapEventTransport.HasBeatsTimeline; // beats only: no position in samples
        Assert.False(ClapInstance.ReadBlock(&process, 48000, nowNs: 0).HasTransport);
    }
}
