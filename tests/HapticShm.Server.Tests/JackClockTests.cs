using HapticShm.Jack;
using HapticShm.Server.Backends.Jack;
using HapticShm.Server.Tests.Jack;
using HapticShm.Shared;

namespace HapticShm.Server.Tests;

public sealed class JackClockTests(JackServerFixture server) : IClassFixture<JackServerFixture>
{
    [Fact]
    public void NowMonotonicNs_IsMonotonicClockInMicroseconds()
    {
        using JackClient client = JackClient.Open("hsm-time", server.ServerName);
        for (int i = 0; i < 1000; i++)
        {
            long before = MonotonicClock.NowNs();
            long jack = JackTime.NowMonotonicNs();
            long after = MonotonicClock.NowNs();
            // Whole microseconds, and an offset measured on each call (libjack may use CLOCK_MONOTONIC_RAW).
            Assert.InRange(jack, before - 2000, after + 2000);
        }
    }

    [Fact]
    public void Capture_FrameToMonotonicNs_MatchesRecordedCyclesAndJackTimer()
    {
        var signal = new RampSignal(maxBlocks: 1);
        using var backend = new JackBackend(new JackBackendOptions { ClientName = "hsm-src", ServerName = server.ServerName });
        backend.Open(1);
        backend.Start(signal.Render);
        using var capture = new JackCaptureClient(backend.PortNames, maxSeconds: 0.5, "hsm-timing", server.ServerName);
        long startedNs = MonotonicClock.NowNs();
        capture.Start();
        Assert.True(Wait.Until(() => capture.IsFull, TimeSpan.FromSeconds(5)), "the capture did not fill");
        capture.Stop();
        backend.Stop();

        Assert.True(capture.CycleCount >= 300, $"{capture.CycleCount} cycles recorded");
        for (int i = 1; i < capture.CycleCount; i++)
        {
            JackCaptureCycle cycle = capture.Cycle(i);
            Assert.Equal(cycle.MonotonicNs, capture.FrameToMonotonicNs(cycle.FrameTime));
            Assert.Equal(cycle.MonotonicNs, capture.SampleToMonotonicNs(cycle.FirstSample));
            Assert.Equal(64, cycle.FirstSample - capture.Cycle(i - 1).FirstSample);
            Assert.Equal(0u, (cycle.FrameTime - capture.Cycle(i - 1).FrameTime) % 64); // whole periods (more after an xrun)
        }
        // Mid-cycle frames are placed at the nominal rate from their cycle's start.
        JackCaptureCycle some = capture.Cycle(100);
        Assert.Equal(some.MonotonicNs + 666_666, capture.FrameToMonotonicNs(some.FrameTime + 32));
        // The cycle times are on MonotonicClock: recorded between Start and now.
        Assert.InRange(capture.Cycle(0).MonotonicNs, startedNs - 5_000_000, MonotonicClock.NowNs());
    }
}
