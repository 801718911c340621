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
/// at phase 0 on its first sample). Each timestamp is the time of a frame ~30 ms ahead on the
/// server's own timeline, which the server publishes in its status block (a JACK frame and its
/// block start, exact until the timeline steps or re-anchors), so the sample each note must sound
/// at is known exactly: that frame plus the fixed latency, rounded as the engine rounds. The
/// capture's frames are JACK frames (the same counter), so onset frame minus promised frame must
/// be 0 for every note; there is no second clock estimate to disagree with the server's.
/// Excluded and counted: notes sent too late by this client, notes during which (from their send
/// until 20 ms after they were due) the capture saw an xrun or a discontinuity (repeated or skipped frames: the capture may then hold a wrong
/// block), and notes during which the server's timeline stepped or re-anchored (the promise
/// changed). Latency in µs is the onset's time on the capture's clock (a line fitted over a
/// second of its cycles) minus the timestamp.
/// </summary>
internal static class LatencyBench
{
    private const byte Note = 69; // 440 Hz: reaches the threshold on the sine's second sample
    private const double NoteSpacingSeconds = 0.1;
    private const double NoteLengthSeconds = 0.04;
    private const double LeadSeconds = 0.03;
    private const double AfterHeardSeconds = 0.02;
    private const double SearchBeforeSeconds = 0.01;
    private const double SearchAfterSeconds = 0.035;
    private const float OnsetThreshold = 1e-4f;
    private const long SettledNs = 1_000_000_000;
    private const long SettleMaxNs = 8_000_000_000;

    /// <summary>Blocks measured when none is asked for.</summary>
    public static readonly int[] DefaultBlocks = [64, 256];

    /// <summary>Clean notes (away from xruns and timeline changes) a block size needs for a verdict;
    /// with fewer, its result says <c>inconclusive</c> (the machine was too busy to judge).</summary>
    public const int CleanNotesNeeded = 20;

    public static int Run(double seconds, IReadOnlyList<int> blocks, string? jackServer, bool json)
    {
        var results = new List<LatencyBenchResult>();
        try
        {
            IReadOnlyList<int> sizes = jackServer is not null ? [0] : blocks.Count > 0 ? blocks : DefaultBlocks;
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
        {
            if (r.Inconclusive)
                Console.WriteLine($"block {r.BlockSize}: inconclusive, only {r.Notes - r.ExcludedNotes} of {r.Notes} notes were away from xruns and timeline changes (a verdict needs {CleanNotesNeeded}; {r.Xruns} xruns): the machine was too busy to judge");
            else Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"block {r.BlockSize}: latency p50 {r.LatencyP50Us:F1} µs, p99 {r.LatencyP99Us:F1} µs, max {r.LatencyMaxUs:F1} µs (fixed latency {r.FixedLatencyUs:F1} µs, heard one period before it leaves the device); jitter {r.JitterSamples:F3} samples: {r.NotesOnPromisedSample} of {r.Notes - r.ExcludedNotes} clean notes on their promised sample, offsets {r.OffsetMinSamples}..{r.OffsetMaxSamples}; {r.Notes} notes, {r.ExcludedNotes} excluded ({r.ExcludedNearXruns} near xruns, {r.ExcludedAtTimelineChanges} at timeline changes; {r.Xruns} xruns, timeline steps {r.TimelineSteps}, resyncs {r.TimelineResyncs} during the run)"));
        }
        return 0;
    }

    private static LatencyBenchResult MeasureBlock(int block, double seconds, string? jackServer)
    {
        using var rig = MeasureRig.OnJackServer(jackServer, block);
        StatusBlock status = rig.StartServer();
        using JackCaptureClient capture = rig.StartCapture(1, seconds + 3 + SettleMaxNs / 1e9);
        int rate = capture.SampleRate;
        using var sender = new CommandSender("hapticshm bench latency");
        long now = MonotonicClock.NowNs();
        sender.Send(Command.Param(ParamId.AttackSeconds, 0f, now));
        sender.Send(Command.Param(ParamId.ReleaseSeconds, 0.002f, now));
        sender.Hold(TimeSpan.FromSeconds(1)); // past the server's and JACK's start-up
        SettleTimeline(rig, sender);
        StatusBlock start = rig.ReadStatus();

        if (capture.CycleCount == 0) throw new InvalidOperationException("the capture recorded nothing: is the JACK server running?");
        var notes = new List<LatencyNote>();
        long end = MonotonicClock.NowNs() + (long)(seconds * 1e9);
        long periodNs = status.BlockSize * 1_000_000_000L / rate;
        while (MonotonicClock.NowNs() < end)
        {
            StatusBlock timeline = rig.ReadStatus();
            if (timeline.TimelineStartNs == 0) throw new InvalidOperationException("the server publishes no timeline in its status block");
            // The first frame of the server's timeline at least LeadSeconds from now, and its time.
            long ahead = (long)Math.Ceiling((MonotonicClock.NowNs() + (long)(LeadSeconds * 1e9) - timeline.TimelineStartNs) * (rate / 1e9));
            long timestamp = timeline.TimelineStartNs + JackTime.FramesToNs(ahead, rate);
            // Where the engine puts it: (due - blockStartNs) * rate rounded half up, blockStartNs on the same line.
            long promised = (long)Math.Floor((timestamp + timeline.FixedLatencyNs - timeline.TimelineStartNs) * (rate / 1e9) + 0.5);
            sender.Send(Command.NoteOn(0, Note, 100 / 127f, timestamp));
            sender.Send(Command.NoteOff(0, Note, timestamp + (long)(NoteLengthSeconds * 1e9)));
            // A client stalled past the schedule would make the note late: that is not the server's jitter.
            bool sentLate = MonotonicClock.NowNs() > timestamp + timeline.FixedLatencyNs - 2 * periodNs;
            long sentAt = MonotonicClock.NowNs(), xrunsAtSend = capture.Xruns;
            // Look again once the note's block has been rendered and published (the status is at
            // most ~10 ms old): whatever changed in between is what this note went through.
            long heard = timestamp + timeline.FixedLatencyNs + (long)(AfterHeardSeconds * 1e9);
            while (MonotonicClock.NowNs() < heard) sender.Hold(TimeSpan.FromMilliseconds(2));
            StatusBlock after = rig.ReadStatus();
            notes.Add(new LatencyNote(timestamp, (uint)timeline.TimelineFrame + (uint)promised, xrunsAtSend, capture.Xruns, Epoch(timeline), Epoch(after), sentLate));
            sender.Hold(TimeSpan.FromTicks(Math.Max(0, sentAt + (long)(NoteSpacingSeconds * 1e9) - MonotonicClock.NowNs()) / 100));
        }
        if (notes.Count == 0) throw new InvalidOperationException("the capture recorded nothing: is the JACK server running?");
        long last = notes[^1].TimestampNs + status.FixedLatencyNs + 200_000_000;
        while (MonotonicClock.NowNs() < last + 50_000_000) sender.Hold(TimeSpan.FromMilliseconds(10));
        if (!CaptureAnalysis.WaitRecordedPast(capture, last, TimeSpan.FromSeconds(5)))
            throw new InvalidOperationException("the capture stopped recording before the last note");
        StatusBlock final = rig.ReadStatus();
        long finalXruns = capture.Xruns;
        capture.Stop();

        var breaks = CaptureAnalysis.Discontinuities(capture);
        var latenciesUs = new List<double>();
        var offsets = new List<int>();
        var debug = new List<string>();
        int nearXruns = 0, atTimelineChanges = 0, sentLateCount = 0;
        for (int i = 0; i < notes.Count; i++)
        {
            LatencyNote note = notes[i];
            if (note.SentLate) { sentLateCount++; continue; }
            if (note.TimelineEpochAfter != note.TimelineEpochAtSend) { atTimelineChanges++; debug.Add($"t:{note.PromisedFrame}"); continue; }
            long promisedSample = CaptureAnalysis.FrameToSample(capture, note.PromisedFrame);
            if (promisedSample < 0) { nearXruns++; debug.Add("skipped"); continue; } // that frame was skipped by an xrun
            int from = (int)Math.Max(0, promisedSample - (long)(SearchBeforeSeconds * rate));
            int onset = CaptureAnalysis.FirstAbove(capture, from, (int)promisedSample + (int)(SearchAfterSeconds * rate), OnsetThreshold) - 1; // the sine's first sample is 0
            int onsetCycleIndex = capture.CycleOfSample(Math.Max(onset, 0));
            JackCaptureCycle onsetCycle = capture.Cycle(onsetCycleIndex);
            uint onsetFrame = onsetCycle.FrameTime + (uint)(onset - onsetCycle.FirstSample);
            int offset = onset < 0 ? int.MaxValue : (int)(onsetFrame - note.PromisedFrame);
            if (note.XrunsAfter != note.XrunsAtSend || onset < 0 || breaks.Exists(b => b > from - rate / 20 && b <= onset + 1024))
            {
                nearXruns++;
                debug.Add($"x:{(onset < 0 ? "none" : offset.ToString(CultureInfo.InvariantCulture))}");
                continue;
            }
            // Latency in µs on the capture's clock, a line through the second of cycles around the onset.
            int half = rate / 2 / status.BlockSize;
            FrameClock local = FrameClock.Fit(capture, onsetCycleIndex - half, onsetCycleIndex + half);
            latenciesUs.Add((local.NsAt(onsetFrame) - note.TimestampNs) / 1e3);
            offsets.Add(offset);
            debug.Add(offset.ToString(CultureInfo.InvariantCulture));
        }
        if (Environment.GetEnvironmentVariable("HAPTICSHM_MEASURE_DEBUG") is not null)
            Console.Error.WriteLine($"block {block}: offsets from the promised frame (x: near an xrun, t: timeline changed): " + string.Join(" ", debug)
                + "\nlatencies (µs): " + string.Join(" ", latenciesUs.Select(l => l.ToString("F1", CultureInfo.InvariantCulture)))
                + $"\ncapture breaks: {string.Join(" ", breaks)}; timeline steps {start.TimelineSteps - status.TimelineSteps}, resyncs {start.TimelineResyncs - status.TimelineResyncs} while settling, {final.TimelineSteps - start.TimelineSteps} and {final.TimelineResyncs - start.TimelineResyncs} during the run; capture xruns {finalXruns}");
        long xruns = Math.Max(finalXruns, final.Xruns);
        long steps = final.TimelineSteps - start.TimelineSteps, resyncs = final.TimelineResyncs - start.TimelineResyncs;
        // Too few clean notes is the machine's verdict, not ours: say so instead of failing.
        if (latenciesUs.Count < CleanNotesNeeded)
            return new LatencyBenchResult(status.BlockSize, status.SampleRate, Math.Round(status.FixedLatencyNs / 1e3, 1), 0, 0, 0, 0, 0, 0, 0,
                offsets.Count(o => o == 0), notes.Count, notes.Count - latenciesUs.Count, nearXruns, atTimelineChanges, steps, resyncs, xruns, Inconclusive: true);
        double jitterSamples = StandardDeviation(offsets.ConvertAll(o => (double)o));
        latenciesUs.Sort();
        return new LatencyBenchResult(
            status.BlockSize, status.SampleRate, Math.Round(status.FixedLatencyNs / 1e3, 1),
            Math.Round(Percentile(latenciesUs, 50), 1), Math.Round(Percentile(latenciesUs, 99), 1), Math.Round(latenciesUs[^1], 1),
            Math.Round(StandardDeviation(latenciesUs), 3), Math.Round(jitterSamples, 4), offsets.Min(), offsets.Max(), offsets.Count(o => o == 0),
            notes.Count, notes.Count - latenciesUs.Count, nearXruns, atTimelineChanges, steps, resyncs, xruns, Inconclusive: false);
    }

    // JACK's DLL converges over the first seconds of a new jackd and the server's timeline steps
    // after it meanwhile: start once it has kept still for a second (or after 8 s in any case, the
    // notes at steps are then excluded and counted).
    private static void SettleTimeline(MeasureRig rig, CommandSender sender)
    {
        long deadline = MonotonicClock.NowNs() + SettleMaxNs;
        long epoch = Epoch(rig.ReadStatus()), stillSince = MonotonicClock.NowNs();
        while (MonotonicClock.NowNs() < deadline && MonotonicClock.NowNs() - stillSince < SettledNs)
        {
            sender.Hold(TimeSpan.FromMilliseconds(50));
            long now = Epoch(rig.ReadStatus());
            if (now == epoch) continue;
            epoch = now;
            stillSince = MonotonicClock.NowNs();
        }
    }

    // Steps and resyncs together: any change means the timeline's promise moved.
    private static long Epoch(StatusBlock status) => status.TimelineSteps + status.TimelineResyncs;

    // Nearest rank on a sorted list.
    private static double Percentile(List<double> sorted, double percent) =>
        sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static double StandardDeviation(List<double> values)
    {
        double mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count);
    }
}
