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
/// at phase 0 on its first sample). Each note's timestamp is placed on the device's sample grid
/// (a capture frame ~30 ms ahead), so the sample it maps to is unambiguous and any variation of
/// onset minus that sample is real jitter, not rounding. Notes whose span crosses a capture
/// discontinuity (an xrun repeated or skipped frames) are excluded and counted.
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
                $"block {r.BlockSize}: latency p50 {r.LatencyP50Us:F1} µs, p99 {r.LatencyP99Us:F1} µs, max {r.LatencyMaxUs:F1} µs, jitter {r.JitterUs:F2} µs = {r.JitterSamples:F3} samples (onset {r.LatencySamples:F1} samples after the timestamp; fixed latency {r.FixedLatencyUs:F1} µs); {r.Notes} notes, {r.ExcludedNotes} excluded across xruns ({r.Xruns} xruns)"));
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
        sender.Hold(TimeSpan.FromMilliseconds(300));

        var notes = new List<LatencyNote>();
        long end = MonotonicClock.NowNs() + (long)(seconds * 1e9);
        while (MonotonicClock.NowNs() < end && capture.CycleCount > 0)
        {
            JackCaptureCycle cycle = capture.Cycle(capture.CycleCount - 1);
            int lead = (int)(LeadSeconds * rate);
            long timestamp = capture.FrameToMonotonicNs(cycle.FrameTime + (uint)lead);
            sender.Send(Command.NoteOn(0, Note, 100 / 127f, timestamp));
            sender.Send(Command.NoteOff(0, Note, timestamp + (long)(NoteLengthSeconds * 1e9)));
            notes.Add(new LatencyNote(timestamp, cycle.FirstSample + lead));
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
        foreach (LatencyNote note in notes)
        {
            int from = (int)note.TimestampSample;
            int onset = CaptureAnalysis.FirstAbove(capture, from, from + (int)(SearchSeconds * rate), OnsetThreshold) - 1; // the sine's first sample is 0
            if (onset < 0 || breaks.Exists(b => b > from - rate / 5 && b <= onset + 1024)) continue;
            latenciesUs.Add((capture.SampleToMonotonicNs(onset) - note.TimestampNs) / 1e3);
            offsets.Add(onset - note.TimestampSample);
        }
        if (latenciesUs.Count == 0) throw new InvalidOperationException($"no note was heard cleanly at block {block} ({notes.Count} sent, {breaks.Count} capture discontinuities)");
        latenciesUs.Sort();
        offsets.Sort();
        long xruns = Math.Max(capture.Xruns, rig.ReadStatus().Xruns);
        return new LatencyBenchResult(
            status.BlockSize, status.SampleRate, Math.Round(status.FixedLatencyNs / 1e3, 1),
            Math.Round(Percentile(latenciesUs, 50), 1), Math.Round(Percentile(latenciesUs, 99), 1), Math.Round(latenciesUs[^1], 1),
            Math.Round(StandardDeviation(latenciesUs), 3), Percentile(offsets, 50), Math.Round(StandardDeviation(offsets), 4),
            notes.Count, notes.Count - latenciesUs.Count, xruns);
    }

    // Nearest rank on a sorted list.
    private static double Percentile(List<double> sorted, double percent) =>
        sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static double StandardDeviation(List<double> values)
    {
        double mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count);
    }
}
