using System.Globalization;
using HapticShm.Shared;
using HapticShm.Shared.Protocol;
using HapticShm.Shared.Ring;

namespace HapticShm.Cli.Bench;

/// <summary>
/// The child process of <c>bench ring</c>. First pushes as fast as the ring has room
/// (throughput), then one stamped command every <see cref="LatencyIntervalNs"/> (latency, so
/// that queueing does not hide the one-way cost). Reports its push cost on stdout.
/// </summary>
internal static class RingBenchProducer
{
    internal const long LatencyIntervalNs = 2_000;
    internal const string ReportPrefix = "producer ";

    public static int Run(string path, double throughputSeconds, double latencySeconds)
    {
        using var ring = CommandRing.Open(path);
        RingProducer producer = ring.Producer;
        var command = Command.NoteOn(1, 60, 0.5f, 0);

        long pushNsTotal = 0, pushes = 0;
        long end = MonotonicClock.NowNs() + MonotonicClock.SecondsToNs(throughputSeconds);
        while (true)
        {
            int free = producer.FreeSlots;
            if (free == 0)
            {
                if (MonotonicClock.NowNs() > end) break;
                Thread.SpinWait(4);
                continue;
            }
            long t0 = MonotonicClock.NowNs();
            for (int i = 0; i < free; i++) producer.TryPush(command);
            long t1 = MonotonicClock.NowNs();
            pushNsTotal += t1 - t0;
            pushes += free;
            if (t1 > end) break;
        }

        end = MonotonicClock.NowNs() + MonotonicClock.SecondsToNs(latencySeconds);
        long next = MonotonicClock.NowNs();
        while (next < end)
        {
            long now;
            while ((now = MonotonicClock.NowNs()) < next) Thread.SpinWait(1);
            command.TimestampNs = now;
            producer.TryPush(command);
            next += LatencyIntervalNs;
        }

        double pushNs = pushes == 0 ? 0 : (double)pushNsTotal / pushes;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{ReportPrefix}{pushes} {pushNs:F2}"));
        return 0;
    }
}
