using System.Globalization;
using System.Text.Json;
using HapticShm.Cli.Client;
using HapticShm.Jack;
using HapticShm.Shared.Handshake;
using HapticShm.Shared.Ring;
using HapticShm.Shared.Status;

namespace HapticShm.Cli.Measure;

/// <summary>
/// <c>hapticshm soak</c>: several clients (threads of this process, each with its own handshake
/// and ring) run <see cref="EventStorm"/>s at full polyphony against a private server; the status
/// block is sampled twice a second for load, and at the end every ring is audited: what each
/// client counted as sent and dropped must equal what the server popped and what the ring
/// counted as dropped.
/// </summary>
internal static class SoakRun
{
    public static int Run(double minutes, int clients, int perMs, string? jackServer, bool json)
    {
        SoakResult result;
        try
        {
            result = Soak(minutes, Math.Clamp(clients, 1, 15), perMs, jackServer);
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or JackException or IOException or ServerUnavailableException)
        {
            Console.Error.WriteLine($"hapticshm soak: {e.Message}");
            return 1;
        }
        if (json) Console.WriteLine(JsonSerializer.Serialize(result, CliJsonContext.Default.SoakResult));
        else Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"soak {result.Minutes} min on {result.Backend} (block {result.BlockSize}), {result.Clients} clients, {result.Sent} commands: xruns {result.Xruns} ({result.XrunsCausedByUs} ours; real-time scheduling {(result.Realtime ? "allowed" : "not allowed")}; longest callback {result.MaxCallbackUs:F1} µs of a {result.PeriodUs:F1} µs period; jackd driver xruns {result.DriverXruns}), load mean {result.CallbackLoadMeanPercent:F1} % max {result.CallbackLoadMaxPercent:F1} %, GCs {result.GcCount}, allocated {result.AllocatedBytes} B during the storm ({result.GcCountSinceReady} GCs, {result.AllocatedBytesSinceReady} B since ready), dropped {result.Dropped}, rejected {result.Rejected}, late {result.Late}, unexplained loss {result.UnexplainedLoss}, peak voices {result.PeakVoices}"));
        return 0;
    }

    private static SoakResult Soak(double minutes, int clients, int perMs, string? jackServer)
    {
        using var rig = MeasureRig.Best(jackServer, 64);
        StatusBlock ready = rig.StartServer();
        var senders = new CommandSender[clients];
        var storms = new EventStorm[clients];
        for (int i = 0; i < clients; i++)
        {
            senders[i] = new CommandSender($"hapticshm soak {i + 1}");
            storms[i] = new EventStorm(senders[i], seed: i + 1, perMs, maxNotes: 15);
        }
        try
        {
            var duration = TimeSpan.FromMinutes(minutes);
            var threads = storms.Select(storm => new Thread(() =>
            {
                Interop.Nice.LowerCurrentThread(10);
                storm.Run(duration);
            }) { IsBackground = true, Name = "soak storm" }).ToArray();
            foreach (var thread in threads) thread.Start();
            Thread.Sleep(1000);
            StatusBlock start = rig.ReadStatus();
            double loadMax = 0, loadSum = 0;
            int loadSamples = 0;
            while (threads.Any(t => t.IsAlive))
            {
                Thread.Sleep(500);
                StatusBlock sample = rig.ReadStatus();
                loadMax = Math.Max(loadMax, sample.LoadMaxPercent);
                loadSum += sample.LoadMeanPercent;
                loadSamples++;
            }
            foreach (var thread in threads) thread.Join();
            foreach (var sender in senders) sender.WaitConsumed(TimeSpan.FromSeconds(5));
            StatusBlock end = rig.ReadStatus();
            long unexplained = 0, dropped = 0, rejected = 0, late = 0;
            for (int i = 0; i < clients; i++)
            {
                RingCounters ring = senders[i].Session.Ring.ReadCounters();
                // Every command a client tried is popped by the server or counted as dropped; the
                // server-side accounting (status block) must agree with the ring.
                unexplained += Math.Abs(storms[i].Sent + storms[i].Dropped - ring.Popped - ring.DroppedFull - ring.Fill);
                unexplained += Math.Abs(storms[i].Dropped - ring.DroppedFull);
                dropped += ring.DroppedFull;
            }
            for (int slot = 0; slot < StatusBlock.MaxClients; slot++)
            {
                ClientStatus client = end.Client(slot);
                if (client.Active == 0) continue;
                unexplained += Math.Abs(client.Pushed - client.Popped - client.Fill);
                rejected += client.Rejected;
                late += client.Late;
            }
            int block = end.BlockSize;
            double periodUs = block * 1e6 / end.SampleRate;
            long xruns = end.Xruns;
            bool realtime = rig.OnJack && rig.Realtime;
            // Ours: callbacks that overran their period during the storm (the server counts them).
            long ours = Math.Min(xruns - start.Xruns, end.Overruns - start.Overruns);
            return new SoakResult(end.BackendText, block, realtime, minutes, clients, storms.Sum(s => s.Sent),
                xruns, ours, rig.DriverXruns,
                Math.Round(loadSamples == 0 ? 0 : loadSum / loadSamples, 2), Math.Round(loadMax, 2),
                Math.Round(end.MaxCallbackNs / 1e3, 1), Math.Round(periodUs, 1),
                end.GcCount - start.GcCount, end.AllocatedBytes - start.AllocatedBytes, end.GcCount - ready.GcCount, end.AllocatedBytes - ready.AllocatedBytes,
                dropped, Math.Max(rejected, end.Rejected), Math.Max(late, end.Late), unexplained, end.PeakVoices);
        }
        finally
        {
            foreach (var sender in senders) sender?.Dispose();
        }
    }
}
