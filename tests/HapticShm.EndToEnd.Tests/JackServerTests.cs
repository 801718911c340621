using System.Numerics;
using HapticShm.Engine;
using HapticShm.Jack;
using HapticShm.Shared;
using HapticShm.Shared.Handshake;
using HapticShm.Shared.Protocol;
using HapticShm.Shared.Ring;
using Xunit.Abstractions;

namespace HapticShm.EndToEnd.Tests;

/// <summary>The server on a real jackd, heard through a JACK capture client.</summary>
/// <remarks>Each check compares ports within one capture (an xrun shifts every port alike), so one
/// run decides; the rig's xruns are printed. Exact arrival times against a clock the test controls
/// are proved offline (HapticShm.Engine.Tests WaveArrivalTests, PromisedSampleTests).</remarks>
public sealed class JackServerTests(ITestOutputHelper output)
{
    [Fact]
    public void Server_RegistersOnePortPerTransducer()
    {
        using var rig = new JackRig(1);
        IReadOnlyList<string> ports = rig.Capture.Client.GetPorts("hapticshm:out_", JackPortDirection.Output);
        Assert.Equal(Enumerable.Range(1, 32).Select(i => $"hapticshm:out_{i}").Order(), ports.Order());
    }

    [Fact]
    public void TravellingWave_ArrivesAtEachPortAfterDistanceOverSpeed_AndNoteOffReleases()
    {
        using var rig = new JackRig(8);
        using ServerSession client = HandshakeClient.Connect("wave test", rig.Server.SocketPath);
        RingProducer ring = client.Ring.Producer;
        const float Speed = 20f; // slow, so arrivals spread over ~18 ms
        long now = MonotonicClock.NowNs();
        ring.StampHeartbeat(now);
        ring.TryPush(Command.Param(ParamId.WaveSpeed, Speed, now));
        ring.TryPush(Command.Param(ParamId.AttackSeconds, 0f, now));
        ring.TryPush(Command.Param(ParamId.ReleaseSeconds, 0.05f, now));
        long onNs = MonotonicClock.NowNs() + 20_000_000;
        var on = Command.NoteOn(1, 60, 40 / 127f, onNs) with { PitchBend = 1f, Timbre = 0.5f }; // velocity < 64: travelling wave
        ring.TryPush(on);
        HoldHeartbeat(ring, 600);
        long offNs = MonotonicClock.NowNs();
        ring.TryPush(Command.NoteOff(1, 60, offNs));
        HoldHeartbeat(ring, 300);
        rig.WaitRecordedPast(offNs + 250_000_000);

        // Expected lag per transducer from the layout: source at centre + (0.20 m, 0).
        TransducerLayout layout = TransducerLayout.Default;
        Vector2 source = layout.Centre + new Vector2(0.20f, 0f);
        double[] expectedMs = [.. Enumerable.Range(0, 32).Select(i => Vector2.Distance(source, layout.Positions[i]) / Speed * 1000)];
        // Lags from the phase of the steady sine on each channel, in samples within one capture (no
        // clock mapping): median over five 40 ms windows, so a block repeated by a machine hiccup
        // in one window does not decide. The period ambiguity is resolved by the geometry.
        int[] onsets = [.. Enumerable.Range(0, 32).Select(c => Onset(rig.Capture.Channel(c)))];
        Assert.All(onsets, o => Assert.True(o >= 0, "a channel stayed silent"));
        double omega = 2 * Math.PI * 440 * Math.Pow(2, (60 - 69) / 12.0) / 48000;
        int steady = onsets.Max() + 480;
        double[] residuals = new double[32];
        for (int c = 0; c < 32; c++)
        {
            var perWindow = new List<double>();
            for (int w = 0; w < 5; w++)
            {
                int start = steady + w * 1920;
                double phaseRef = Phase(rig.Capture.Channel(0), start, 1920, omega);
                double phase = Phase(rig.Capture.Channel(c), start, 1920, omega);
                double expectedLag = (expectedMs[c] - expectedMs[0]) * 48;
                double wrapped = Math.IEEERemainder(phaseRef - phase - omega * expectedLag, 2 * Math.PI);
                perWindow.Add(wrapped / omega);
            }
            perWindow.Sort();
            residuals[c] = perWindow[2];
        }
        output.WriteLine(rig.Xruns);
        output.WriteLine("lag error per channel (samples): " + string.Join(" ", residuals.Select(r => r.ToString("F2", System.Globalization.CultureInfo.InvariantCulture))));
        for (int c = 0; c < 32; c++)
            Assert.True(Math.Abs(residuals[c]) <= 0.5, $"channel {c + 1}: lag off by {residuals[c]:F2} samples from distance / speed");

        int offSample = rig.Capture.RecordedFrames - (int)((rig.Capture.SampleToMonotonicNs(rig.Capture.RecordedFrames - 1) - offNs) / 1e9 * 48000);
        Assert.True(rig.Peak(offSample - 4800, offSample) > 0.05, "the note did not sound before its note-off");
        Assert.True(rig.Peak(offSample + 9600, offSample + 12000) < 1e-4, "the note still sounds 200 ms after its note-off (release 50 ms)");
    }

    [Fact]
    public void StandingWave_StartsOnEveryPortAtTheSameSample()
    {
        using var rig = new JackRig(4);
        using ServerSession client = HandshakeClient.Connect("standing test", rig.Server.SocketPath);
        RingProducer ring = client.Ring.Producer;
        long now = MonotonicClock.NowNs();
        ring.StampHeartbeat(now);
        ring.TryPush(Command.Param(ParamId.AttackSeconds, 0f, now));
        ring.TryPush(Command.NoteOn(0, 48, 100 / 127f, now + 10_000_000));
        HoldHeartbeat(ring, 200);
        rig.WaitRecordedPast(MonotonicClock.NowNs());
        int[] onsets = [.. Enumerable.Range(0, 32).Select(c => Onset(rig.Capture.Channel(c)))];
        Assert.All(onsets, o => Assert.True(o >= 0, "a channel stayed silent"));
        string xruns = rig.Xruns;
        int spread = onsets.Max() - onsets.Min();
        output.WriteLine($"{xruns}; onsets spread over {spread} samples");
        // A server callback that misses its cycle leaves JACK some ports written and others not, so
        // the sample-exact check holds only over a capture without xruns; the engine's own tests prove
        // the same-sample start without JACK. With xruns the spread is printed, not judged.
        if (rig.Capture.Xruns == 0 && rig.Server.ReadStatus().Xruns == 0)
            Assert.True(spread <= 1, $"onsets spread over {spread} samples ({xruns})");
    }

    /// <summary>Phase of the best-fitting sine of frequency <paramref name="omega"/> (rad/sample) over a window.</summary>
    internal static double Phase(ReadOnlySpan<float> samples, int start, int length, double omega)
    {
        double ss = 0, sc = 0, cc = 0, ys = 0, yc = 0;
        for (int n = start; n < start + length; n++)
        {
            double sin = Math.Sin(omega * n), cos = Math.Cos(omega * n);
            ss += sin * sin; sc += sin * cos; cc += cos * cos; ys += samples[n] * sin; yc += samples[n] * cos;
        }
        double det = ss * cc - sc * sc;
        double a = (ys * cc - yc * sc) / det, b = (yc * ss - ys * sc) / det;
        return Math.Atan2(b, a);
    }

    /// <summary>First sample above 5 % of the channel's peak (a sine from phase 0 gets there in ~1.5 samples).</summary>
    internal static int Onset(ReadOnlySpan<float> samples)
    {
        float peak = 0;
        foreach (float s in samples) peak = Math.Max(peak, Math.Abs(s));
        if (peak < 1e-3f) return -1;
        for (int i = 0; i < samples.Length; i++)
            if (Math.Abs(samples[i]) > 0.05f * peak) return i;
        return -1;
    }

    internal static void HoldHeartbeat(RingProducer ring, int milliseconds)
    {
        long end = MonotonicClock.NowNs() + milliseconds * 1_000_000L;
        while (MonotonicClock.NowNs() < end)
        {
            ring.StampHeartbeat(MonotonicClock.NowNs());
            Thread.Sleep(5);
        }
    }
}
