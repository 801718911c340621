using HapticShm.Plugin.Core.Timing;

namespace HapticShm.Plugin.Tests.Core;

/// <summary>The block clock against a host whose calls the test times: a steady audio period,
/// process() entered with random jitter, every reading injected (no real clock).</summary>
public sealed class BlockClockTests(ITestOutputHelper output)
{
    private const double SampleRate = 48000;
    private const long Start = 5_000_000_000;

    /// <summary>Synthetic host: block i is due at Start + i x block x rate and called up to
    /// +-<paramref name="jitterNs"/> from then; the device's crystal is <paramref name="skewPpm"/> off.</summary>
    private static (long[] Positions, long[] Stamps, long[] Due) RunHost(BlockClock clock, int blockSize, double seconds, long jitterNs,
        double skewPpm = 0, bool continuousTime = true, int seed = 11, long positionBase = 0)
    {
        var random = new Random(seed);
        int blocks = (int)(seconds * SampleRate / blockSize);
        var positions = new long[blocks];
        var stamps = new long[blocks];
        var due = new long[blocks];
        double nsPerSample = 1e9 / SampleRate * (1 + skewPpm * 1e-6);
        for (int i = 0; i < blocks; i++)
        {
            long position = positionBase + (long)i * blockSize;
            due[i] = Start + (long)Math.Round((long)i * blockSize * nsPerSample);
            long jitter = (long)((random.NextDouble() * 2 - 1) * jitterNs);
            var block = HostBlock.Bare(due[i] + jitter, blockSize);
            block.HasContinuousTime = continuousTime;
            block.ContinuousTimeSamples = position;
            positions[i] = position;
            stamps[i] = clock.Advance(block);
        }
        return (positions, stamps, due);
    }

    /// <summary>Largest distance (ns) of the stamps from their least-squares line over sample position.</summary>
    private static double MaxDeviationFromLine(ReadOnlySpan<long> positions, ReadOnlySpan<long> stamps)
    {
        double meanX = 0, meanY = 0;
        for (int i = 0; i < positions.Length; i++)
        {
            meanX += positions[i];
            meanY += stamps[i] - stamps[0];
        }
        meanX /= positions.Length;
        meanY /= positions.Length;
        double sxx = 0, sxy = 0;
        for (int i = 0; i < positions.Length; i++)
        {
            sxx += (positions[i] - meanX) * (positions[i] - meanX);
            sxy += (positions[i] - meanX) * (stamps[i] - stamps[0] - meanY);
        }
        double slope = sxy / sxx, max = 0;
        for (int i = 0; i < positions.Length; i++)
            max = Math.Max(max, Math.Abs(stamps[i] - stamps[0] - meanY - slope * (positions[i] - meanX)));
        return max;
    }

    [Theory]
    [InlineData(64, 0.0, true)]
    [InlineData(256, 0.0, true)]
    [InlineData(256, 0.0, false)]
    [InlineData(128, 80.0, true)]
    [InlineData(128, -80.0, true)]
    public void Advance_TwoMsOfCallJitter_StampsLieOnAStraightLine(int blockSize, double skewPpm, bool continuousTime)
    {
        var clock = new BlockClock(SampleRate);
        const double seconds = 120, settle = 20;
        (long[] positions, long[] stamps, long[] due) = RunHost(clock, blockSize, seconds, jitterNs: 2_000_000, skewPpm, continuousTime);

        int first = (int)(settle * SampleRate / blockSize);
        double deviationNs = MaxDeviationFromLine(positions.AsSpan(first), stamps.AsSpan(first));
        long lead = long.MaxValue, lag = long.MinValue;
        for (int i = first; i < stamps.Length; i++)
        {
            lead = Math.Min(lead, stamps[i] - due[i]);
            lag = Math.Max(lag, stamps[i] - due[i]);
        }
        output.WriteLine($"block {blockSize}, skew {skewPpm} ppm, continuous time {continuousTime}: after {settle} s, max deviation from a straight line {deviationNs / 1000:F2} us " +
                         $"over {stamps.Length - first} blocks; stamp - due {lead / 1000.0:F0}..{lag / 1000.0:F0} us; fitted skew {clock.SkewPpm:F1} ppm; anchors {clock.Anchors}");

        Assert.True(deviationNs < 20_000, $"stamps {deviationNs / 1000:F1} us off a straight line");
        Assert.Equal(1, clock.Anchors);
        // The line runs along the latest calls (due + 2 ms), within the 20 us.
        Assert.InRange(lead, 1_980_000, 2_020_000);
        Assert.InRange(lag, 1_980_000, 2_020_000);
        Assert.InRange(clock.SkewPpm, skewPpm - 5, skewPpm + 5);
    }

    [Fact]
    public void Advance_ContinuousTimeJumps_ReAnchorsAtTheNewPosition()
    {
        var clock = new BlockClock(SampleRate);
        RunHost(clock, 128, 10, jitterNs: 1_000_000);
        Assert.Equal(1, clock.Anchors);

        // The host's continuous time restarts elsewhere; real time goes on 3 s later.
        var block = HostBlock.Bare(Start + 13_000_000_000, 128);
        block.HasContinuousTime = true;
        block.ContinuousTimeSamples = 7_777_777;
        long stamp = clock.Advance(block);

        Assert.Equal(2, clock.Anchors);
        Assert.Equal(Start + 13_000_000_000, stamp);
        block.NowNs += (long)(128 * 1e9 / SampleRate);
        block.ContinuousTimeSamples += 128;
        Assert.Equal(Start + 13_000_000_000 + (long)Math.Round(128 * 1e9 / SampleRate), clock.Advance(block));
        Assert.Equal(2, clock.Anchors);
    }

    [Fact]
    public void Advance_SampleRateChanges_ReAnchorsWithTheNominalRate()
    {
        var clock = new BlockClock(SampleRate);
        RunHost(clock, 128, 30, jitterNs: 1_000_000, skewPpm: 60);
        Assert.True(clock.SkewPpm > 30, $"skew {clock.SkewPpm} ppm");

        var block = HostBlock.Bare(Start + 31_000_000_000, 128);
        block.SampleRate = 44100;
        block.HasContinuousTime = true;
        block.ContinuousTimeSamples = (long)(30 * SampleRate);
        long stamp = clock.Advance(block);

        Assert.Equal(2, clock.Anchors);
        Assert.Equal(Start + 31_000_000_000, stamp);
        Assert.Equal(1e9 / 44100, clock.NsPerSample, 9);
    }

    [Fact]
    public void Advance_OneLateCall_IsIgnoredAndARunOfThemReAnchors()
    {
        var clock = new BlockClock(SampleRate);
        (long[] positions, long[] stamps, _) = RunHost(clock, 128, 10, jitterNs: 0);
        long step = stamps[^1] - stamps[^2];
        long position = positions[^1] + 128;
        long due = stamps[^1] + step;

        var block = HostBlock.Bare(due + 30_000_000, 128); // a 30 ms hiccup: stamped when it came, left out of the fit
        block.HasContinuousTime = true;
        block.ContinuousTimeSamples = position;
        Assert.Equal(due + 30_000_000, clock.Advance(block));
        Assert.Equal(1, clock.Anchors);
        block.ContinuousTimeSamples += 128;
        block.NowNs = due + step;
        Assert.InRange(clock.Advance(block), due + step - 1, due + step + 1); // back on the line (the test's due times are rounded)
        block.NowNs += 30_000_000; // from here on every call is 30 ms late: the timeline moved

        for (int i = 1; i <= BlockClock.OutliersToReanchor; i++)
        {
            block.ContinuousTimeSamples += 128;
            block.NowNs += step;
            Assert.Equal(block.NowNs, clock.Advance(block));
            Assert.Equal(i < BlockClock.OutliersToReanchor ? 1 : 2, clock.Anchors);
        }
        Assert.Equal(block.NowNs, clock.BlockStartNs);
    }

    [Fact]
    public void Advance_HostFasterThanRealTime_ReAnchorsBeforeRunningFarAhead()
    {
        // A host that computes 64-sample blocks every millisecond (1.33 ms of audio each).
        var clock = new BlockClock(SampleRate);
        var block = HostBlock.Bare(Start, 64);
        block.HasContinuousTime = true;
        long ahead = 0;
        for (int i = 0; i < 5000; i++)
        {
            block.NowNs = Start + i * 1_000_000L;
            block.ContinuousTimeSamples = i * 64L;
            ahead = Math.Max(ahead, clock.Advance(block) - block.NowNs);
        }
        output.WriteLine($"5 s of 6.7 s of audio: {clock.Anchors} anchors, stamps at most {ahead / 1e6:F1} ms ahead of the calls");
        Assert.True(clock.Anchors > 5, $"{clock.Anchors} anchors");
        Assert.InRange(ahead, 0, BlockClock.EarlyOutlierNs + 3_000_000);
    }

    [Fact]
    public void Advance_HostSystemTime_IsTheMeasurementOnOurClock()
    {
        // The host stamps each block exactly on a clock of its own (another epoch) and calls us
        // 0..4 ms later: the stamps follow its clock, moved onto ours by the smallest delay seen.
        var clock = new BlockClock(SampleRate);
        var random = new Random(5);
        const long hostEpoch = -777_000_000_000;
        const int blockSize = 256;
        int blocks = (int)(60 * SampleRate / blockSize), first = blocks / 3;
        var positions = new long[blocks];
        var stamps = new long[blocks];
        long worst = 0;
        for (int i = 0; i < blocks; i++)
        {
            long due = Start + (long)Math.Round((long)i * blockSize * 1e9 / SampleRate);
            var block = HostBlock.Bare(due + (long)(random.NextDouble() * 4_000_000), blockSize);
            block.HasContinuousTime = true;
            block.ContinuousTimeSamples = positions[i] = (long)i * blockSize;
            block.HasSystemTime = true;
            block.SystemTimeNs = due + hostEpoch;
            stamps[i] = clock.Advance(block);
            if (i >= first) worst = Math.Max(worst, Math.Abs(stamps[i] - due));
        }
        double deviationNs = MaxDeviationFromLine(positions.AsSpan(first), stamps.AsSpan(first));
        output.WriteLine($"system time path: max deviation from a straight line {deviationNs / 1000:F2} us, from the host's block start {worst / 1000.0:F2} us");

        Assert.True(deviationNs < 5_000, $"{deviationNs / 1000:F1} us");
        Assert.True(worst < 20_000, $"{worst / 1000.0:F1} us from the host's block start");
    }
}
