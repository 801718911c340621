using HapticShm.Jack;
using HapticShm.Server.Backends.Jack;
using HapticShm.Server.Tests.Jack;
using Xunit.Abstractions;

namespace HapticShm.Server.Tests;

public sealed class JackBackendTests(JackServerFixture server, ITestOutputHelper output) : IClassFixture<JackServerFixture>
{
    private const double PeriodNs = 64 * 1e9 / 48000;

    [Fact]
    public void Open_ThirtyTwoChannels_RegistersPortsOut1ToOut32()
    {
        using var backend = new JackBackend(new JackBackendOptions { ClientName = "hsm-ports", ServerName = server.ServerName });
        backend.Open(32);

        using JackClient probe = JackClient.Open("hsm-probe", server.ServerName);
        IReadOnlyList<string> registered = probe.GetPorts("^hsm-ports:", JackPortDirection.Output);
        string[] expected = [.. Enumerable.Range(1, 32).Select(i => $"hsm-ports:out_{i}")];
        Assert.Equal(expected, backend.PortNames);
        Assert.Equal(expected.Order(), registered.Order());
        Assert.Equal((48000, 64, 32), (backend.SampleRate, backend.BlockSize, backend.ChannelCount));
    }

    [Fact]
    public void Start_CapturedOutput_IsExactlyWhatTheCallbackWrote()
    {
        const int channels = 32;
        var signal = new RampSignal(maxBlocks: 1);
        using var backend = new JackBackend(new JackBackendOptions { ClientName = "hsm-ramp", ServerName = server.ServerName });
        backend.Open(channels);
        backend.Start(signal.Render);
        using var capture = new JackCaptureClient(backend.PortNames, maxSeconds: 1.0, "hsm-capture", server.ServerName);
        capture.Start();
        Assert.True(Wait.Until(() => capture.IsFull, TimeSpan.FromSeconds(5)), "the capture did not fill 1 s of audio within 5 s");
        capture.Stop();
        backend.Stop();

        ReadOnlySpan<float> first = capture.Channel(0);
        int start = first.IndexOfAnyExcept(0f);
        Assert.InRange(start, 0, capture.RecordedFrames - 24_000); // at least 0.5 s of signal
        long offset = RampSignal.IndexOf(0, first[start]) - start; // recorded j holds ramp sample j + offset
        Assert.Equal(0, offset % 64); // graph latency is whole periods

        // Compare period by period. Under an xrun JACK may hand a client a stale or empty period;
        // such a period is a glitch (realign and go on), allowed only as often as xruns were reported.
        int glitches = 0, firstGlitch = -1;
        for (int period = start; period + 64 <= capture.RecordedFrames; period += 64)
        {
            if (PeriodMatches(capture, period, offset, channels)) continue;
            if (glitches++ == 0) firstGlitch = period;
            offset = RampSignal.IndexOf(0, first[period]) - period;
        }
        long xruns = Math.Max(capture.Xruns, backend.Xruns);
        Assert.True(glitches <= xruns, $"{glitches} periods differ (first at sample {firstGlitch}) with {xruns} xruns reported");
    }

    private static bool PeriodMatches(JackCaptureClient capture, int period, long offset, int channels)
    {
        for (int c = 0; c < channels; c++)
        {
            ReadOnlySpan<float> recorded = capture.Channel(c);
            for (int j = period; j < period + 64; j++)
                if (recorded[j] != RampSignal.Value(c, j + offset)) return false;
        }
        return true;
    }

    [Fact]
    public void Start_BlockStartNs_AdvancesByWholePeriodsBetweenTimelineChanges()
    {
        JackBackend? backendRef = null;
        var signal = new RampSignal(maxBlocks: 750, () => backendRef!.ClockResyncs + backendRef.ClockSteps);
        using var backend = new JackBackend(new JackBackendOptions { ClientName = "hsm-clock", ServerName = server.ServerName });
        backendRef = backend;
        backend.Open(2);
        backend.Start(signal.Render);
        Assert.True(Wait.Until(() => signal.Blocks >= 750, TimeSpan.FromSeconds(5)), "750 blocks did not run within 5 s");
        backend.Stop();

        int onePeriodSteps = 0, skippedSteps = 0;
        for (int b = 1; b < signal.RecordedBlocks; b++)
        {
            if (signal.ResyncsBefore(b) != signal.ResyncsBefore(b - 1)) continue; // re-anchored after an xrun, or stepped by a frame to follow JACK's clock
            double step = signal.BlockStart(b) - signal.BlockStart(b - 1);
            double periods = Math.Max(1, Math.Round(step / PeriodNs)); // after an xrun JACK's frame counter skips whole periods
            Assert.True(Math.Abs(step - periods * PeriodNs) <= 1000, $"block {b}: start advanced {step} ns, expected a whole number of {PeriodNs:F0} ns periods ± 1000");
            if (periods == 1) onePeriodSteps++; else skippedSteps++;
        }
        // How many steps were exactly one period is the machine's (xruns skip periods): printed.
        output.WriteLine($"{onePeriodSteps} of {signal.RecordedBlocks - 1} steps were exactly one period, {skippedSteps} skipped periods (xruns: {backend.Xruns}, resyncs: {backend.ClockResyncs}, frame steps: {backend.ClockSteps})");
        Assert.True(onePeriodSteps > 0, "no step of exactly one period");
        Assert.InRange(skippedSteps + backend.ClockResyncs, 0, backend.Xruns);
        Assert.InRange(backend.FrameJumps, 0, backend.Xruns);
    }

    [Fact]
    public void Start_BlockStartNs_IsAheadOfTheCallbackThatRendersIt()
    {
        var signal = new RampSignal(maxBlocks: 400);
        using var backend = new JackBackend(new JackBackendOptions { ClientName = "hsm-lead", ServerName = server.ServerName });
        backend.Open(1);
        backend.Start(signal.Render);
        Assert.True(Wait.Until(() => signal.Blocks >= 400, TimeSpan.FromSeconds(5)), "400 blocks did not run within 5 s");
        backend.Stop();

        long[] leads = [.. Enumerable.Range(0, signal.RecordedBlocks).Select(b => signal.BlockStart(b) - signal.RanAt(b)).Order()];
        long median = leads[leads.Length / 2];
        // A block is heard after it is rendered: its start lies ahead of the callback (about one
        // period on a quiet machine). How far ahead depends on when the machine ran the callback
        // and on JACK's estimate of the dummy driver's time: printed, not asserted.
        output.WriteLine($"block start minus callback time: median {median} ns, min {leads[0]} ns, max {leads[^1]} ns (period {PeriodNs:F0} ns)");
        Assert.True(median > 0, $"median block start {median} ns after its callback ran");
    }
}
