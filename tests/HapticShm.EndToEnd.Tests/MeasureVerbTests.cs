using System.Text.Json;
using Xunit.Abstractions;

namespace HapticShm.EndToEnd.Tests;

/// <summary>CI-sized runs of <c>bench latency</c>, <c>soak</c> and <c>chaos</c> through the CLI,
/// asserting the design targets on what they print.</summary>
/// <remarks>Timing-sensitive: runs when HAPTICSHM_TIMING_TESTS=1 (see README, Tests).</remarks>
[Trait("Category", "Timing")]
public sealed class MeasureVerbTests(ITestOutputHelper output)
{
    [Fact]
    public void BenchLatency_TenSecondsAtBlock256_OnsetIsTimestampPlusFixedLatencyMinusOnePeriod_WithoutJitter() =>
        HapticShm.Server.Tests.Retry.Timing(MeasureLatency, output.WriteLine);

    private void MeasureLatency()
    {
        JsonElement r = MeasureCli.RunJson(TimeSpan.FromSeconds(90), output.WriteLine, "bench", "latency", "--seconds", "10", "--block", "256");
        Assert.Equal(256, r.GetProperty("blockSize").GetInt32());
        int clean = r.GetProperty("notes").GetInt32() - r.GetProperty("excludedNotes").GetInt32();
        Assert.True(clean >= 20, $"only {clean} notes away from xruns");
        // The capture reads the server's ports in the same cycle, while the server stamps a block
        // one period later (when the device plays it): heard = timestamp + fixed latency - one period.
        double periodUs = 256 * 1e6 / r.GetProperty("sampleRate").GetInt32();
        double expectedUs = r.GetProperty("fixedLatencyUs").GetDouble() - periodUs;
        double p50 = r.GetProperty("latencyP50Us").GetDouble();
        Assert.True(Math.Abs(p50 - expectedUs) <= 100, $"median latency {p50} µs, expected {expectedUs:F1} µs");
        Assert.True(r.GetProperty("latencyMaxUs").GetDouble() - expectedUs <= 100, "a note came late");
        // Target: 0. On the dummy driver without real-time scheduling the device clock wanders
        // and the server's block clock follows it by slewing, which can move the schedule by one
        // sample over seconds; a standard deviation below one sample allows that and nothing more.
        double jitter = r.GetProperty("jitterSamples").GetDouble();
        Assert.True(jitter < 1, $"jitter {jitter} samples");
    }

    [Fact]
    public void Soak_OneMinuteOfStormsFromThreeClients_NoLossNoCollectionsNoAllocationsNoXrunsOfOurs()
    {
        JsonElement r = MeasureCli.RunJson(TimeSpan.FromSeconds(120), output.WriteLine, "soak", "--minutes", "1", "--clients", "3");
        Assert.Equal(0, r.GetProperty("unexplainedLoss").GetInt64());
        Assert.Equal(0, r.GetProperty("rejected").GetInt64());
        Assert.Equal(0, r.GetProperty("gcCount").GetInt64());
        // Counted in 8 KB allocation contexts by the server (precise: false): allow one, report it.
        Assert.True(r.GetProperty("allocatedBytes").GetInt64() <= 8192 + 1024, $"{r.GetProperty("allocatedBytes").GetInt64()} bytes allocated during the storm");
        Assert.True(r.GetProperty("sent").GetInt64() > 1_000_000, "the storms sent too little to be a soak");
        // Overruns are wall time: a rare preemption of the callback thread on this shared machine
        // counts too. Allow a handful in the ~45 000 callbacks of a minute.
        Assert.True(r.GetProperty("xrunsCausedByUs").GetInt64() <= 5, $"{r.GetProperty("xrunsCausedByUs").GetInt64()} callbacks overran their period");
    }

    [Fact]
    public void Chaos_TenRounds_NoticeWithin250ms_PlayAgainWithin1s_SilenceWithin50ms_NoNaN()
    {
        JsonElement r = MeasureCli.RunJson(TimeSpan.FromSeconds(150), output.WriteLine, "chaos", "--rounds", "10");
        Assert.True(r.GetProperty("failures").GetInt32() == 0, string.Join("; ", r.GetProperty("failureReasons").EnumerateArray().Select(e => e.GetString())));
        Assert.Equal(10, r.GetProperty("rounds").GetInt32());
        Assert.True(r.GetProperty("noticeMsMax").GetDouble() <= 250, "server death noticed too late");
        Assert.True(r.GetProperty("recoverMsMax").GetDouble() <= 1000, "playing again too late");
        Assert.True(r.GetProperty("silenceMsMax").GetDouble() <= 50, "client death to silence too slow");
        Assert.Equal(0, r.GetProperty("nanSamples").GetInt64());
    }
}
