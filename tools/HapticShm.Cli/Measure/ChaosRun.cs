using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using HapticShm.Cli.Client;
using HapticShm.Jack;
using HapticShm.Shared;
using HapticShm.Shared.Handshake;
using HapticShm.Shared.Protocol;

namespace HapticShm.Cli.Measure;

/// <summary>
/// <c>hapticshm chaos</c>: on a private jackd and server, each round kills a sounding client
/// process (kill -9) and times the silence in a capture of all ports, corrupts a live client's
/// ring while the capture listens for NaN, then kills the server (kill -9) under a client holding
/// a note, times the client's notice, relaunches the server and times until a new note is heard.
/// </summary>
internal static class ChaosRun
{
    private const double NoticeDeadlineMs = 2000;

    public static int Run(int rounds, bool json)
    {
        ChaosResult result;
        try
        {
            result = Chaos(Math.Max(1, rounds));
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or JackException or IOException or ServerUnavailableException)
        {
            Console.Error.WriteLine($"hapticshm chaos: {e.Message}");
            return 1;
        }
        if (json) Console.WriteLine(JsonSerializer.Serialize(result, CliJsonContext.Default.ChaosResult));
        else
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"chaos, {result.Rounds} rounds: server kill noticed in max {result.NoticeMsMax:F1} ms (median {result.NoticeMsMedian:F1}), playing again in max {result.RecoverMsMax:F1} ms (median {result.RecoverMsMedian:F1}), client kill to silence max {result.SilenceMsMax:F1} ms (median {result.SilenceMsMedian:F1}), non-finite samples {result.NanSamples}, failures {result.Failures}"));
            foreach (string reason in result.FailureReasons) Console.WriteLine("  " + reason);
        }
        return 0;
    }

    private static ChaosResult Chaos(int rounds)
    {
        using var rig = MeasureRig.OnJackServer(null, 64);
        rig.StartServer();
        var random = new Random(1);
        var notice = new List<double>();
        var recover = new List<double>();
        var silence = new List<double>();
        var failures = new List<string>();
        long nonFinite = 0;
        for (int round = 1; round <= rounds; round++)
        {
            using (JackCaptureClient capture = rig.StartCapture(32, 4))
            {
                if (KillClient(capture) is double ms) silence.Add(ms);
                else failures.Add($"round {round}: the killed client's note was not heard, or sound came back");
                nonFinite += CorruptRing(capture, random);
                capture.Stop();
            }
            if (!rig.ServerAlive)
            {
                failures.Add($"round {round}: the server died after its ring was corrupted");
                rig.StartServer();
            }
            var (noticed, recovered) = KillServer(rig);
            if (noticed is double n) notice.Add(n); else failures.Add($"round {round}: the client did not notice the server's death");
            if (recovered is double r) recover.Add(r); else failures.Add($"round {round}: no note heard after relaunching the server");
        }
        return new ChaosResult(rounds, Max(notice), Max(recover), Max(silence), Median(notice), Median(recover), Median(silence), nonFinite, failures.Count, failures);
    }

    // kill -9 of a `send note` process while it sounds; ms until every port is silent, or null.
    private static double? KillClient(JackCaptureClient capture)
    {
        ProcessStartInfo info = SelfProcess.StartInfo("send", "note", "48", "--velocity", "100", "--duration", "60s");
        using Process client = Process.Start(info) ?? throw new InvalidOperationException("cannot start a client process");
        bool sounding = WaitSounding(capture, TimeSpan.FromSeconds(10));
        long killNs = MonotonicClock.NowNs();
        client.Kill(); // SIGKILL: no goodbye, the socket just closes
        client.WaitForExit();
        if (!sounding || !CaptureAnalysis.WaitRecordedPast(capture, killNs + 300_000_000, TimeSpan.FromSeconds(5))) return null;
        int end = capture.RecordedFrames;
        int silentFrom = CaptureAnalysis.FirstSilentSample(capture, CaptureAnalysis.SampleAt(capture, killNs), end);
        if (silentFrom >= end) return null;
        return (capture.SampleToMonotonicNs(silentFrom) - killNs) / 1e6;
    }

    private static bool WaitSounding(JackCaptureClient capture, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !capture.IsFull)
        {
            int recorded = capture.RecordedFrames;
            if (recorded > 2400 && CaptureAnalysis.Peak(capture, recorded - 2400, recorded) > CaptureAnalysis.SoundingAbove) return true;
            Thread.Sleep(5);
        }
        return false;
    }

    // Random bytes into a live, sounding client's ring; returns the non-finite samples heard.
    private static long CorruptRing(JackCaptureClient capture, Random random)
    {
        using (var victim = new CommandSender("hapticshm chaos victim"))
        {
            victim.Send(Command.NoteOn(0, 60, 100 / 127f, MonotonicClock.NowNs()));
            victim.Hold(TimeSpan.FromMilliseconds(100));
            RingCorruptor.Corrupt(victim.Session.Ring.Path, victim.Session.Ring.Capacity, random);
            for (int i = 0; i < 20 && !victim.Session.ServerClosed; i++)
            {
                victim.Send(Command.Mpe(0, MpeFields.Pressure, (float)random.NextDouble(), 0, 0.5f, MonotonicClock.NowNs()));
                victim.Hold(TimeSpan.FromMilliseconds(10));
            }
        }
        CaptureAnalysis.WaitRecordedPast(capture, MonotonicClock.NowNs() + 100_000_000, TimeSpan.FromSeconds(3));
        return CaptureAnalysis.NonFinite(capture);
    }

    // kill -9 of the server under a holding client: ms until the client notices, and until a
    // relaunched server (ServerLauncher) plays the reconnected client's note in a capture.
    private static (double? Notice, double? Recover) KillServer(MeasureRig rig)
    {
        using var holder = new CommandSender("hapticshm chaos holder");
        holder.Send(Command.NoteOn(0, 48, 100 / 127f, MonotonicClock.NowNs()));
        holder.Hold(TimeSpan.FromMilliseconds(100));
        using var server = Process.GetProcessById(rig.ServerPid);
        long killNs = MonotonicClock.NowNs();
        server.Kill();
        double? notice = null;
        while (MonotonicClock.NowNs() - killNs < NoticeDeadlineMs * 1e6)
        {
            if (holder.Session.ServerClosed || holder.Session.ServerHeartbeatAgeNs > 100_000_000)
            {
                notice = (MonotonicClock.NowNs() - killNs) / 1e6;
                break;
            }
            Thread.Sleep(1);
        }
        server.WaitForExit(5000);
        rig.WaitServerPortsGone();
        rig.StartServer();
        // Listening before the note is sent: opening a JACK client can take longer than the
        // server's 100 ms heartbeat stall limit on a loaded machine, and a held note whose client
        // stops stamping its heartbeat meanwhile is rightly faded before anyone hears it.
        using JackCaptureClient capture = rig.StartCapture(1, 4);
        using var again = new CommandSender("hapticshm chaos holder");
        again.Send(Command.NoteOn(0, 48, 100 / 127f, MonotonicClock.NowNs()));
        double? recover = null;
        // Listen for the capture's 4 s however long the relaunch took (a loaded machine is slow to
        // start a process): the time is reported, the verdict is whether the note came back.
        long listenUntil = MonotonicClock.NowNs() + 10_000_000_000;
        while (!capture.IsFull && MonotonicClock.NowNs() < listenUntil)
        {
            again.Hold(TimeSpan.FromMilliseconds(5));
            int first = CaptureAnalysis.FirstAbove(capture, 0, capture.RecordedFrames, CaptureAnalysis.SoundingAbove);
            if (first < 0) continue;
            // If it already sounded when the capture began, this is an upper bound.
            recover = (capture.SampleToMonotonicNs(first) - killNs) / 1e6;
            break;
        }
        capture.Stop();
        again.Send(Command.NoteOff(0, 48, MonotonicClock.NowNs()));
        again.WaitConsumed(TimeSpan.FromSeconds(1));
        return (notice, recover);
    }

    private static double? Max(List<double> values) => values.Count == 0 ? null : Math.Round(values.Max(), 2);

    private static double? Median(List<double> values)
    {
        if (values.Count == 0) return null;
        var sorted = values.Order().ToList();
        return Math.Round(sorted[sorted.Count / 2], 2);
    }
}
