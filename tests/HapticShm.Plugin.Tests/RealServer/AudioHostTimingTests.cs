using System.Diagnostics;
using HapticShm.Jack;
using HapticShm.Plugin.Tests.Host;
using HapticShm.Plugin.Tests.Native;
using HapticShm.Shared.Status;

namespace HapticShm.Plugin.Tests.RealServer;

/// <summary>
/// The timing promise through Steinberg's JACK host: a private jackd, the bundled server on it, and
/// vst3-audiohost loading the private bundle in a process of its own. A JACK MIDI source plays
/// notes at frame 0 of chosen cycles into the host's MIDI input (so the host's quantisation to the
/// block plays no part); every note whose window (from the note before it to the note after it)
/// had no xrun must sound on out_1 exactly the number of samples after its MIDI event that the
/// plugin reports in the status block.
/// </summary>
[Collection(NativeHostCollection.Name)]
public sealed class AudioHostTimingTests(PrivateBundle bundle, ITestOutputHelper output) : IDisposable
{
    private const int Notes = 30;
    private const byte Pitch = 60;
    private const byte Velocity = 100; // a standing wave: every transducer at once
    private const double NoteSeconds = 0.05;
    private const double SpacingSeconds = 0.7; // the note, the default 0.5 s release and silence
    private const int Rate = 48000;

    private readonly record struct Sample(int Sent, long Resyncs, long Steps, ClockSource Source, int Promised);

    [SharedToolFact("vst3-audiohost", "notes through Steinberg's JACK host land on the sample the plugin promised")]
    public void NotesFromJackMidi_SoundOnThePromisedSample()
    {
        string audiohost = SharedTools.Require("vst3-audiohost");
        int steady = 0;
        var failures = new List<string>();
        foreach (int block in new[] { 64, 128, 256 })
        {
            (int count, string? failure) = PlayThroughAudioHost(audiohost, block);
            steady += count;
            if (failure is not null) failures.Add(failure);
        }
        // A note is judged only where nothing but our code decided its sample; on a machine that
        // xruns all the time there may be none at some block sizes, never at all three.
        Assert.True(steady > 0, "no note had a steady window at any block size");
        Assert.Empty(failures);
    }

    // Plays the notes at one block size; returns how many notes had a steady window, and what
    // went wrong with any of them.
    private (int Steady, string? Failure) PlayThroughAudioHost(string audiohost, int block)
    {
        bundle.UseEnvironment();
        bundle.KillServers();
        string name = "hs-host-" + Guid.NewGuid().ToString("N")[..8];
        using JackdLauncher jackd = JackdLauncher.Start(name, block);
        using Process server = bundle.StartJackServer(name);
        bundle.WaitStatus(b => b.ServerPid == server.Id && b.BackendText == "jack", "the jack server is ready");
        using Process host = StartAudioHost(audiohost, name);
        try
        {
            bundle.WaitStatus(b => ClockOf(b, host.Id).Source != ClockSource.Unknown, "the plugin in vst3-audiohost joins the server", 20);
            // The lock needs some seconds of calls; the notes tell whether it held.
            Wait.Until(() => bundle.TryReadStatus(out StatusBlock b) && ClockOf(b, host.Id).Source == ClockSource.ServerCycles, TimeSpan.FromSeconds(10));
            int cyclesPerNote = (int)(SpacingSeconds * Rate / block);
            using var capture = new JackCaptureClient(["hapticshm:out_1"], (Notes + 2) * SpacingSeconds, "host-capture", name);
            using var source = new JackMidiSender(2 * Notes, "host-midi", name);
            string input = WaitForMidiInput(source.Client);
            for (int k = 0; k < Notes; k++)
            {
                int on = (k + 1) * cyclesPerNote;
                source.Schedule(on, 0x90, Pitch, Velocity);
                source.Schedule(on + (int)(NoteSeconds * Rate / block), 0x80, Pitch, 0);
            }
            capture.Start();
            source.Start(input);
            // What the server's timeline and the plugin's clock did while the notes went out.
            var samples = new List<Sample>();
            var clock = Stopwatch.StartNew();
            while (source.Sent < source.Count && clock.Elapsed.TotalSeconds < Notes * SpacingSeconds + 20)
            {
                if (bundle.TryReadStatus(out StatusBlock now))
                    samples.Add(new Sample(source.Sent, now.TimelineResyncs, now.TimelineSteps, ClockOf(now, host.Id).Source, (int)ClockOf(now, host.Id).Value));
                Thread.Sleep(20); // a sampling period, not a synchronisation
            }
            Assert.True(source.Sent == source.Count, $"{source.Sent} of {source.Count} MIDI messages sent");
            // What the plugin promised while it was on the server's cycles (the same all along: the
            // haptic offset and the server's fixed latency did not change).
            int promised = samples.FindLast(s => s.Source == ClockSource.ServerCycles).Promised;
            uint lastOnset = source.SentFrame(2 * Notes - 2) + (uint)(Math.Max(promised, 0) + 4 * block + Rate / 100);
            Assert.True(Wait.Until(() => RecordedPast(capture, lastOnset), TimeSpan.FromSeconds(10)), "the capture did not record past the last note");
            capture.Stop();

            var latencies = new List<int>();
            var each = new List<string>();
            for (int k = 0; k < Notes; k++)
            {
                int index = 2 * k;
                int latency = OnsetAfter(capture, source.SentFrame(index), block);
                string why = Unsteady(source, samples, k);
                each.Add(why.Length == 0 ? $"{latency}" : $"{why}{latency}");
                if (why.Length == 0) latencies.Add(latency);
            }
            bool exact = latencies.TrueForAll(l => l == promised);
            output.WriteLine($"block {block}: each note's latency (x: an xrun near it, t: the server's timeline moved, f: the plugin was not on the server's cycles): {string.Join(' ', each)}");
            output.WriteLine($"block {block}: plugin promises {promised} samples ({promised * 1000.0 / Rate:F2} ms) from MIDI event to transducer; "
                + $"{latencies.Count} steady notes: latency {Min(latencies)}..{Max(latencies)} samples, jitter {Max(latencies) - Min(latencies)}; "
                + $"xruns: MIDI source {source.Xruns}, capture {capture.Xruns}, jackd driver {jackd.DriverXruns}");
            return (latencies.Count, exact ? null : $"block {block}: steady notes off the promised {promised} samples: {string.Join(' ', latencies)}");
        }
        finally
        {
            StopAudioHost(host);
        }
    }

    // Empty when nothing but our code decided note k's sample: no xrun from the note before it to
    // the one after it, and the server's timeline and the plugin's clock unchanged over that time.
    private static string Unsteady(JackMidiSender source, List<Sample> samples, int k)
    {
        int from = Math.Max(0, 2 * k - 2), to = Math.Min(source.Count - 1, 2 * k + 2);
        long xrunsAfter = to + 1 < source.Count ? source.XrunsAtSend(to) : source.Xruns;
        if (source.XrunsAtSend(from) != xrunsAfter) return "x";
        List<Sample> around = samples.FindAll(s => s.Sent >= from && s.Sent <= to);
        if (around.Count == 0) return "f";
        if (around.Exists(s => s.Source != ClockSource.ServerCycles)) return "f";
        if (around.Exists(s => s.Resyncs != around[0].Resyncs || s.Steps != around[0].Steps || s.Promised != around[0].Promised)) return "t";
        return "";
    }

    private static int Min(List<int> values) => values.Count == 0 ? 0 : values.Min();

    private static int Max(List<int> values) => values.Count == 0 ? 0 : values.Max();

    private Process StartAudioHost(string audiohost, string jackServer)
    {
        var info = new ProcessStartInfo(audiohost) { RedirectStandardInput = true };
        info.ArgumentList.Add(bundle.BundlePath);
        info.Environment["JACK_DEFAULT_SERVER"] = jackServer;
        info.Environment["JACK_NO_START_SERVER"] = "1";
        info.Environment[HapticShm.Shared.Platform.RuntimePaths.OverrideVariable] = bundle.RuntimeDirectory;
        return DrainedProcess.Start(info);
    }

    // It processes until a line arrives on its standard input.
    private static void StopAudioHost(Process host)
    {
        try
        {
            host.StandardInput.WriteLine();
            host.StandardInput.Close();
        }
        catch (IOException) { } // it is gone already
        if (!host.WaitForExit(5000)) host.Kill();
    }

    private static ClockSourceStatus ClockOf(StatusBlock block, int pid)
    {
        for (int i = 0; i < StatusBlock.MaxClients; i++)
        {
            ClientStatus client = block.Client(i);
            if (client.Active != 0 && client.Pid == pid) return ClockSourceStatus.Unpack(client.Clock);
        }
        return default;
    }

    private static string WaitForMidiInput(JackClient client)
    {
        IReadOnlyList<string> inputs = [];
        Assert.True(Wait.Until(() => (inputs = client.GetMidiPorts("^VST 3 SDK", JackPortDirection.Input)).Count > 0, TimeSpan.FromSeconds(10)),
            "vst3-audiohost registered no MIDI input");
        return inputs[0];
    }

    private static bool RecordedPast(JackCaptureClient capture, uint frame)
    {
        int cycles = capture.CycleCount;
        return cycles > 0 && (int)(capture.Cycle(cycles - 1).FrameTime - frame) > 0;
    }

    /// <summary>Samples from frame <paramref name="from"/> to the note's onset on out_1: the sample
    /// before the first that is not 0 (the carrier and the envelope both start at 0).</summary>
    private static int OnsetAfter(JackCaptureClient capture, uint from, int block)
    {
        JackCaptureCycle cycle = capture.Cycle(capture.CycleOfFrame(from));
        int into = (int)(from - cycle.FrameTime);
        if (into < 0 || into >= block) return int.MinValue; // that frame was not recorded (an xrun skipped it)
        ReadOnlySpan<float> samples = capture.Channel(0);
        for (long n = cycle.FirstSample + into; n < samples.Length; n++)
        {
            if (samples[(int)n] == 0f) continue;
            JackCaptureCycle at = capture.Cycle(capture.CycleOfSample(n - 1));
            return (int)(at.FrameTime + (uint)(n - 1 - at.FirstSample) - from);
        }
        return int.MaxValue;
    }

    public void Dispose() => bundle.KillServers();
}
