using System.Diagnostics;
using HapticShm.Jack;
using HapticShm.Plugin.Clap.Interop;
using HapticShm.Plugin.Core.Parameters;
using HapticShm.Plugin.Tests.Native;
using HapticShm.Shared;
using HapticShm.Shared.Status;
using static HapticShm.Plugin.Tests.Host.CaptureAnalysis;

namespace HapticShm.Plugin.Tests.Clap;

/// <summary>
/// The CLAP plugin heard through JACK: a private jackd, the server on it with the jack backend
/// (started here: the plugin launches its server without arguments, then connects to this one),
/// a capture client on all 32 ports. A note tuned +48 semitones by its own note expression (the
/// top of the bend range) starts its travelling wave at the +x edge: the rightmost column of
/// transducers gets it first and loudest, the leftmost last and softest.
/// </summary>
[Collection(NativeHostCollection.Name)]
public sealed unsafe class ClapJackTests(ClapBundle bundle, ITestOutputHelper output) : IDisposable
{
    private const int Block = 64;
    private const int HeadroomMs = 100;

    [Fact]
    public void TuningPlus48_StartsTheWaveAtThePlusXEdge()
    {
        bundle.UseEnvironment();
        bundle.KillServers();
        string name = "hs-clap-" + Guid.NewGuid().ToString("N")[..8];
        using JackdLauncher jackd = JackdLauncher.Start(name);
        using Process server = bundle.StartJackServer(name);
        StatusBlock ready = bundle.WaitStatus(b => b.ServerPid == server.Id && b.BackendText == "jack" && b.TransducerCount == 32, "the jack server is ready");
        using var capture = new JackCaptureClient([.. Enumerable.Range(1, 32).Select(i => $"hapticshm:out_{i}")], 6, "clap-capture", name);
        capture.Start();
        using var plugin = new ClapTestPlugin(bundle.Module, frames: Block);
        plugin.Activate(48000, Block);
        bundle.WaitStatus(b => ClapBundle.OurClients(b).Count == 1 && b.ServerPid == server.Id, "the CLAP plugin connects to the running server");

        // The slowest wave (20 m/s), so the columns start as far apart as the engine makes them.
        plugin.Events.ParamValue(0, ParameterIds.WaveSpeed, 20);
        plugin.Events.ParamValue(0, ParameterIds.Attack, 0);
        plugin.Events.ParamValue(0, ParameterIds.Release, 0);
        // Stamps 100 ms ahead: a busy machine still delivers the note before it is due.
        plugin.Events.ParamValue(0, ParameterIds.HapticOffset, HeadroomMs);
        Assert.Equal(ClapProcessStatus.Continue, plugin.Process());
        plugin.Idle(20);
        plugin.Events.NoteOn(0, noteId: 9, channel: 0, key: 60, velocity: 0.3); // soft: a travelling wave
        plugin.Events.Expression(0, ClapEventNoteExpression.Tuning, noteId: 9, channel: 0, key: 60, value: 48);
        Assert.Equal(ClapProcessStatus.Continue, plugin.Process());
        plugin.Idle(200);
        plugin.Events.NoteOff(0, noteId: 9, channel: 0, key: 60);
        Assert.Equal(ClapProcessStatus.Continue, plugin.Process());
        plugin.Idle(100);
        long end = MonotonicClock.NowNs() + HeadroomMs * 1_000_000L;
        Wait.Until(() => capture.RecordedFrames > 0 && capture.SampleToMonotonicNs(capture.RecordedFrames - 1) > end, "the capture records past the note");
        capture.Stop();
        plugin.Deactivate();

        float[] x = new float[32];
        float[] y = new float[32];
        for (int i = 0; i < 32; i++) (x[i], y[i]) = (ready.TransducerX[i], ready.TransducerY[i]);
        float right = x.Max(), left = x.Min();
        int[] rightColumn = [.. Enumerable.Range(0, 32).Where(i => x[i] == right)];
        int[] leftColumn = [.. Enumerable.Range(0, 32).Where(i => x[i] == left)];
        float peak = Enumerable.Range(0, 32).Max(i => Peak(capture.Channel(i)));
        Assert.True(peak > 1e-3f, $"the ports stayed silent (peak {peak}); xruns: capture {capture.Xruns}, jackd {jackd.DriverXruns}");
        // Onset against each port's own peak, so a softer port is not judged later for being softer.
        int Onset(int port) => FirstAbove(capture.Channel(port), 0, 0.05f * Peak(capture.Channel(port)));
        output.WriteLine($"columns x = {left} and {right}; xruns: capture {capture.Xruns}, jackd {jackd.DriverXruns}");
        output.WriteLine("right column onset/peak: " + string.Join(", ", rightColumn.Select(p => $"out_{p + 1} {Onset(p)}/{Peak(capture.Channel(p)):F4}")));
        output.WriteLine("left column onset/peak:  " + string.Join(", ", leftColumn.Select(p => $"out_{p + 1} {Onset(p)}/{Peak(capture.Channel(p)):F4}")));
        Assert.Equal(rightColumn.Length, leftColumn.Length);
        // Row by row (same y): the wave reaches the right end before the left end. Judged over a
        // capture without xruns only (a lost period between two onsets would move one of them).
        bool clean = capture.Xruns == 0 && jackd.DriverXruns == 0;
        foreach (int r in rightColumn)
        {
            int l = Assert.Single(leftColumn, p => y[p] == y[r]);
            Assert.True(Onset(r) >= 0, $"out_{r + 1} (right column) never sounded");
            if (clean) Assert.True(Onset(l) > Onset(r), $"row y = {y[r]}: out_{r + 1} (right) starts at {Onset(r)}, out_{l + 1} (left) at {Onset(l)}");
        }
        if (!clean) output.WriteLine("xruns during the capture: onset order printed above, not judged; loudness judged");
        float softestRight = rightColumn.Min(p => Peak(capture.Channel(p)));
        float loudestLeft = leftColumn.Max(p => Peak(capture.Channel(p)));
        Assert.True(softestRight > loudestLeft, $"the right column (softest {softestRight}) must be louder than the left (loudest {loudestLeft})");
    }

    public void Dispose() => bundle.KillServers();
}
