using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using HapticShm.Shared;
using HapticShm.Shared.Platform;
using HapticShm.Shared.Protocol;
using HapticShm.Shared.Ring;

namespace HapticShm.Cli.Bench;

/// <summary>
/// <c>hapticshm bench ring</c>: this process creates a ring file and consumes; a child process
/// (the same executable, hidden verb) produces. 70 % of the time measures throughput, 30 %
/// one-way latency of paced, stamped commands. Every sequence number must arrive once and in
/// order, or be counted as dropped by the producer; anything else is reported as lost.
/// </summary>
internal static class RingBench
{
    public static int Run(double seconds, int capacity, bool json)
    {
        if (seconds <= 0) return Fail("--seconds must be positive");
        if (!RingLayout.IsValidCapacity(capacity))
            return Fail($"--capacity must be a power of two from {RingLayout.MinCapacity} to {RingLayout.MaxCapacity}");

        double throughputSeconds = seconds * 0.7, latencySeconds = seconds * 0.3;
        string path = Path.Combine(RuntimePaths.RuntimeDirectory, $"bench-ring-{Environment.ProcessId}.shm");
        using var ring = CommandRing.Create(path, capacity, Guid.NewGuid(), Environment.ProcessId);
        try
        {
            using var child = Process.Start(SelfProcess.StartInfo(Verbs.BenchVerbs.RingProducerVerb, path,
                throughputSeconds.ToString(CultureInfo.InvariantCulture), latencySeconds.ToString(CultureInfo.InvariantCulture)))!;
            var latencies = new LatencySamples((int)(latencySeconds * 1e9 / RingBenchProducer.LatencyIntervalNs) + 1024);
            var tally = Consume(ring.Consumer, child, latencies);
            string report = child.StandardOutput.ReadToEnd();
            child.WaitForExit();
            if (child.ExitCode != 0) return Fail($"the producer process failed with exit code {child.ExitCode}");
            (long pushes, double pushNs) = ParseProducerReport(report);

            RingCounters counters = ring.ReadCounters();
            long attempts = counters.Pushed + counters.DroppedFull;
            long lost = attempts - tally.Received - counters.DroppedFull + tally.OutOfOrder;
            double throughputWindow = Math.Max(1, tally.ThroughputEndNs - tally.FirstNs) / 1e9;
            var result = new RingBenchResult(
                CommandsPerSecond: Math.Round(tally.ThroughputEndCount / throughputWindow),
                PushNs: Math.Round(pushNs, 2),
                LatencyP50Ns: latencies.Percentile(50),
                LatencyP99Ns: latencies.Percentile(99),
                LatencyMaxNs: latencies.Percentile(100),
                Dropped: counters.DroppedFull,
                Lost: lost,
                Received: tally.Received,
                Seconds: seconds,
                Capacity: capacity);
            Print(result, json);
            return lost == 0 ? 0 : 1;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static ConsumeTally Consume(RingConsumer consumer, Process child, LatencySamples latencies)
    {
        var tally = new ConsumeTally { ExpectedSequence = 0 };
        int idle = 0;
        bool producerExited = false;
        while (true)
        {
            if (consumer.TryPop(out Command command))
            {
                idle = 0;
                if (tally.Received++ == 0) tally.FirstNs = MonotonicClock.NowNs();
                if (command.Sequence < tally.ExpectedSequence) tally.OutOfOrder++;
                tally.ExpectedSequence = command.Sequence + 1;
                if (command.TimestampNs != 0)
                {
                    latencies.Add(MonotonicClock.NowNs() - command.TimestampNs);
                }
                else if ((++tally.ThroughputReceived & 1023) == 0)
                {
                    // Reading the clock costs about as much as a pop: only every 1024th.
                    tally.ThroughputEndNs = MonotonicClock.NowNs();
                    tally.ThroughputEndCount = tally.ThroughputReceived;
                }
                continue;
            }
            // Checking the child costs a syscall: only now and then while the ring is empty.
            // Busy polling without a pause: any back-off shows up directly as latency. Once the
            // producer has exited, one more empty poll means everything it wrote was read.
            if (producerExited) break;
            if (++idle % 65536 == 0) producerExited = child.HasExited;
        }
        return tally;
    }

    private static (long Pushes, double PushNs) ParseProducerReport(string report)
    {
        foreach (string line in report.Split('\n'))
        {
            if (!line.StartsWith(RingBenchProducer.ReportPrefix, StringComparison.Ordinal)) continue;
            string[] parts = line[RingBenchProducer.ReportPrefix.Length..].Trim().Split(' ');
            return (long.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture));
        }
        throw new InvalidOperationException($"the producer process printed no report: '{report.Trim()}'");
    }

    private static void Print(RingBenchResult result, bool json)
    {
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(result, CliJsonContext.Default.RingBenchResult));
            return;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ring, {result.Capacity} slots, 2 processes, {result.Seconds:F1} s: {result.CommandsPerSecond / 1e6:F1} M commands/s, {result.PushNs:F1} ns per push"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"one-way latency: p50 {result.LatencyP50Ns} ns, p99 {result.LatencyP99Ns} ns, max {result.LatencyMaxNs} ns"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"received {result.Received}, dropped {result.Dropped}, lost {result.Lost}"));
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"hapticshm bench ring: {message}");
        return 1;
    }

    private struct ConsumeTally
    {
        public long Received, ThroughputReceived, ThroughputEndCount, OutOfOrder, ExpectedSequence, FirstNs, ThroughputEndNs;
    }
}
