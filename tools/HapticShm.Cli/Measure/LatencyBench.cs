using System.Globalization;
using System.Text.Json;
using HapticShm.Cli.Client;
using HapticShm.Jack;
using HapticShm.Shared;
using HapticShm.Shared.Protocol;
using HapticShm.Shared.Status;

namespace HapticShm.Cli.Measure;

/// <summary>
/// <c>hapticshm bench latency</c>: per block size, a server on a dummy-driver jackd, a capture of
/// its first port, and a client sending short standing-wave notes (attack 0, so the sine starts
/// at phase 0 on its first sample). The timestamps form an exact grid, an integer number of
/// samples apart, starting on a JACK frame (~30 ms ahead of the capture), so the frame each one
/// maps to is unambiguous: onset sample minus that frame's sample must be constant, and any
/// variation is real jitter, not rounding. Notes within 300 ms after or 200 ms
/// before an xrun, or whose span crosses a capture discontinuity (repeated or skipped frames),
/// are excluded and counted: there the capture itself may hold a wrong block. At an xrun the
/// server's block clock may re-anchor to JACK's time, which can move the whole schedule by a
/// sample for good: jitter in samples is therefore taken within xrun-free segments (and reported
/// over the whole run too, with the number of such steps).
/// </summary>
internal static class LatencyBench
{
    private const byte Note = 69; // 440 Hz: reaches the threshold on the sine's second sample
    private const double NoteSpacingSeconds = 0.1;
    private const double NoteLengthSeconds = 0.04;
    private const double LeadSeconds = 0.03;
    private const double SearchSeconds = 0.035;
    private const float OnsetThreshold = 1e-4f;

    public static int Run(double seconds, IReadOnlyList<int> blocks, string? jackServer, bool json)
    {
        var results = new List<LatencyBenchResult>();
        try
        {
            IReadOnlyList<int> sizes = jackServer is not null ? [0] : blocks.Count > 0 ? blocks : [32, 64, 256];
            foreach (int block in sizes) results.Add(MeasureBlock(block, seconds, jackServer));
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or JackException or IOException)
        {
            Console.Error.WriteLine($"hapticshm bench latency: {e.Message}");
            return 1;
        }
        if (json)
        {
            Console.WriteLine(results.Count == 1
                ? JsonSerializer.Serialize(results[0], CliJsonContext.Default.LatencyBenchResult)
                : JsonSerializer.Serialize(results, CliJsonContext.Default.ListLatencyBenchResult));
            return 0;
        }
        foreach (var r in results)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"block {r.BlockSize}: latency p50 {r.LatencyP50Us:F1} µs, p99 {r.LatencyP99Us:F1} µs, max {r.LatencyMaxUs:F1} µs, jitter {r.JitterUs:F2} µs; jitter between xruns {r.JitterSamples:F3} samples, over the whole run {r.JitterSamplesAcrossXruns:F3} samples (spread {r.OffsetSpreadSamples} samples, {r.TimelineSteps} re-anchoring steps) (onset {r.LatencySamples:F1} samples after the timestamp; fixed latency {r.FixedLatencyUs:F1} µs); {r.Notes} notes, {r.ExcludedNotes} excluded near xruns ({r.Xruns} xruns)"));
        return 0;
    }

    private static LatencyBenchResult MeasureBlock(int block, double seconds, string? jackServer)
    {
        using var rig = MeasureRig.OnJackServer(jackServer, block);
        StatusBlock status = rig.StartServer();
        using JackCaptureClient capture = rig.StartCapture(1, seconds + 3);
        int rate = capture.SampleRate;
        using var sender = new CommandSender("hapticshm bench latency");
        long now = MonotonicClock.NowNs();
        sender.Send(Command.Param(ParamId.AttackSeconds, 0f, now));
        sender.Send(Command.Param(ParamId.ReleaseSeconds, 0.002f, now));
        sender.Hold(TimeSpan.FromSeconds(1)); // past the server's and JACK's start-up

        if (capture.CycleCount == 0) throw new InvalidOperationException("the capture recorded nothing: is the JACK server running?");
        // Each timestamp is the device clock's time of a frame ~30 ms ahead (fitted over the last
        // second of cycles), so the frame it maps to is unambiguous.
        var notes = new List<LatencyNote>();
        long end = MonotonicClock.NowNs() + (long)(seconds * 1e9);
        long periodNs = status.BlockSize * 1_000_000_000L / rate;
        while (MonotonicClock.NowNs() < end)
        {
            int count = capture.CycleCount;
            FrameClock clock = FrameClock.Fit(capture, count - rate / status.BlockSize, count);
            uint frame = clock.FrameAt(MonotonicClock.NowNs() + (long)(LeadSeconds * 1e9), out _);
            long timestamp = clock.NsAt(frame);
            sender.Send(Command.NoteOn(0, Note, 100 / 127f, timestamp));
            sender.Send(Command.NoteOff(0, Note, timestamp + (long)(NoteLengthSeconds * 1e9)));
            // A client stalled past the schedule would make the note late: that is not the server's jitter.
            bool sentLate = MonotonicClock.NowNs() > timestamp + status.FixedLatencyNs - 2 * periodNs;
            notes.Add(new LatencyNote(timestamp, frame, capture.Xruns, sentLate));
            sender.Hold(TimeSpan.FromSeconds(NoteSpacingSeconds));
        }
        if (notes.Count == 0) throw new InvalidOperationException("the capture recorded nothing: is the JACK server running?");
        long last = notes[^1].TimestampNs + status.FixedLatencyNs + 200_000_000;
        while (MonotonicClock.NowNs() < last + 50_000_000) sender.Hold(TimeSpan.FromMilliseconds(10));
        if (!CaptureAnalysis.WaitRecordedPast(capture, last, TimeSpan.FromSeconds(5)))
            throw new InvalidOperationException("the capture stopped recording before the last note");
        capture.Stop();

        var breaks = CaptureAnalysis.Discontinuities(capture);
        var latenciesUs = new List<double>();
        var offsets = new List<double>();
        var segments = new List<(long Breaks, long Xruns)>();
        long finalXruns = capture.Xruns;
        double maxResidual = 0;
        for (int i = 0; i < notes.Count; i++)
        {
            LatencyNote note = notes[i];
            // Clean: no xrun from 300 ms before the note until 200 ms after it (past its onset).
            long xrunsAfter = i + 2 < notes.Count ? notes[i + 2].XrunsAtSend : finalXruns;
            if (xrunsAfter != notes[Math.Max(0, i - 3)].XrunsAtSend || (i < 3 && note.XrunsAtSend != notes[0].XrunsAtSend)) continue;
            if (note.SentLate) continue;
            long sent = CaptureAnalysis.FrameToSample(capture, note.TimestampFrame);
            if (sent < 0) continue; // that frame was skipped by an xrun
            // Where the timestamp falls on the device clock fitted around it (±0.5 s).
            int around = FrameClock.CycleAtSample(capture, sent), half = rate / 2 / status.BlockSize;
            FrameClock local = FrameClock.Fit(capture, around - half, around + half);
            long sample = CaptureAnalysis.FrameToSample(capture, local.FrameAt(note.TimestampNs, out double residual));
            if (sample < 0) continue;
            maxResidual = Math.Max(maxResidual, Math.Abs(residual));
            int from = (int)sample;
            int onset = CaptureAnalysis.FirstAbove(capture, from, from + (int)(SearchSeconds * rate), OnsetThreshold) - 1; // the sine's first sample is 0
            if (onset < 0 || breaks.Exists(b => b > from - rate / 5 && b <= onset + 1024)) continue;
            JackCaptureCycle onsetCycle = capture.Cycle(FrameClock.CycleAtSample(capture, onset));
            latenciesUs.Add((local.NsAt(onsetCycle.FrameTime + (uint)(onset - onsetCycle.FirstSample)) - note.TimestampNs) / 1e3);
            offsets.Add(onset - sample);
            segments.Add((breaks.Count(b => b <= from), note.XrunsAtSend));
        }
        if (latenciesUs.Count == 0) throw new InvalidOperationException($"no note was heard cleanly at block {block} ({notes.Count} sent, {breaks.Count} capture discontinuities)");
        if (Environment.GetEnvironmentVariable("HAPTICSHM_MEASURE_DEBUG") is not null) Console.Error.WriteLine("offsets: " + string.Join(" ", offsets) + "\nlatencies: " + string.Join(" ", latenciesUs.Select(l => l.ToString("F1", CultureInfo.InvariantCulture))) + "\nbreaks: " + string.Join(" ", breaks) + $"\nlargest timestamp residual {maxResidual:F3} frames");
        double jitterSamples = PooledStandardDeviation(offsets, segments);
        int timelineSteps = offsets.Zip(segments).GroupBy(p => p.Second).Select(g => g.Average(p => p.First)).Distinct().Count() - 1;
        double offsetSpread = offsets.Max() - offsets.Min();
        latenciesUs.Sort();
        offsets.Sort();
        long xruns = Math.Max(capture.Xruns, rig.ReadStatus().Xruns);
        return new LatencyBenchResult(
            status.BlockSize, status.SampleRate, Math.Round(status.FixedLatencyNs / 1e3, 1),
            Math.Round(Percentile(latenciesUs, 50), 1), Math.Round(Percentile(latenciesUs, 99), 1), Math.Round(latenciesUs[^1], 1),
            Math.Round(StandardDeviation(latenciesUs), 3), Percentile(offsets, 50), Math.Round(jitterSamples, 4), Math.Round(StandardDeviation(offsets), 4), offsetSpread, timelineSteps,
            notes.Count, notes.Count - latenciesUs.Count, xruns);
    }

    // Nearest rank on a sorted list.
    private static double Percentile(List<double> sorted, double percent) =>
        sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    // Spread around each xrun-free segment's own mean: the schedule's jitter, without the
    // re-anchoring of the block clock that an xrun may cause.
    private static double PooledStandardDeviation(List<double> values, List<(long, long)> segments)
    {
        double sum = 0;
        foreach (var group in values.Zip(segments).GroupBy(p => p.Second))
        {
            double mean = group.Average(p => p.First);
            sum += group.Sum(p => (p.First - mean) * (p.First - mean));
        }
        return Math.Sqrt(sum / values.Count);
    }

    private static double StandardDeviation(List<double> values)
    {
        double mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count);
    }
}
