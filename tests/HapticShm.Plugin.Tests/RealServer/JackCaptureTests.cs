using System.Diagnostics;
using HapticShm.Jack;
using HapticShm.Plugin.Core.Parameters;
using HapticShm.Plugin.Interop;
using HapticShm.Plugin.Tests.Host;
using HapticShm.Plugin.Tests.Native;
using HapticShm.Shared;
using static HapticShm.Plugin.Tests.Host.CaptureAnalysis;

namespace HapticShm.Plugin.Tests.RealServer;

/// <summary>
/// The plugin heard through JACK: a private jackd, the bundled server on it with the jack backend
/// (the plugin launches its server without arguments, so a jack server with a name it cannot be
/// told is started here and the plugin connects to it), and a capture client on all 32 ports.
/// </summary>
[Collection(NativeHostCollection.Name)]
public sealed unsafe class JackCaptureTests(PrivateBundle bundle, ITestOutputHelper output) : IDisposable
{
    private const int Block = 64;
    private const int Pitch = 60;
    private const int HeadroomMs = 100;
    private static readonly PluginParameter HapticOffset = PluginParameters.All[PluginParameters.IndexOf(ParameterIds.HapticOffset)];

    [Fact]
    public void NotesAtOffsets0And32OfOneBlock_SoundOnThePorts32SamplesApart()
    {
        bundle.UseEnvironment();
        bundle.KillServers();
        string name = "hs-plugin-" + Guid.NewGuid().ToString("N")[..8];
        using JackdLauncher jackd = JackdLauncher.Start(name);
        using Process server = bundle.StartJackServer(name);
        bundle.WaitStatus(b => b.ServerPid == server.Id && b.BackendText == "jack", "the jack server is ready");
        using var capture = new JackCaptureClient([.. Enumerable.Range(1, 32).Select(i => $"hapticshm:out_{i}")], 6, "plugin-capture", name);
        capture.Start();
        using var plugin = new PluginInstance(bundle.Module);
        plugin.Setup(48000, Block, ProcessData.kSample32);
        plugin.Start();
        bundle.WaitStatus(b => PrivateBundle.OurClients(b).Count == 1 && b.ServerPid == server.Id, "the plugin connects to the running server");

        using var envelope = new ProcessCall(Block, ProcessData.kSample32);
        envelope.Parameters.Add(ParameterIds.Attack, 0, 0.0);
        envelope.Parameters.Add(ParameterIds.Release, 0, 0.0);
        // Stamps 100 ms ahead: a host thread or server callback held up by a busy machine still
        // delivers both notes before they are due, so neither plays late at a block start.
        envelope.Parameters.Add(ParameterIds.HapticOffset, 0, HapticOffset.ToNormalized(HeadroomMs));
        Run(plugin, envelope);
        // Reference: one note alone, to learn the waveform the engine renders for it.
        Play(plugin, (0, 1));
        // The test block: the same note on two member channels, at offsets 0 and 32.
        Play(plugin, (0, 1), (32, 2));
        Idle(plugin, 50);
        long end = MonotonicClock.NowNs() + HeadroomMs * 1_000_000L;
        Wait.Until(() => capture.RecordedFrames > 0 && capture.SampleToMonotonicNs(capture.RecordedFrames - 1) > end, "the capture records past the last note");
        capture.Stop();
        plugin.Stop();
        output.WriteLine($"xruns: capture {capture.Xruns}, jackd driver {jackd.DriverXruns}");

        ReadOnlySpan<float> port = capture.Channel(0);
        float peak = Peak(port);
        Assert.True(peak > 1e-3f, $"port out_1 stayed silent (peak {peak}); xruns: {capture.Xruns}");
        int reference = FirstAbove(port, 0, 0.05f * peak);
        int silence = EndOfSound(port, reference, 0.05f * peak);
        int test = FirstAbove(port, silence, 0.05f * peak);
        Assert.True(test > 0, "the test block was not heard");
        const int Length = 480;
        var difference = new float[Length];
        for (int n = 0; n < Length; n++) difference[n] = port[test + n] - port[reference + n];
        int second = FirstAbove(difference, 0, 0.05f * Peak(difference));
        output.WriteLine($"capture: reference onset at sample {reference}, test onset at {test}; second note starts {second} samples after the first (expected 32); capture xruns {capture.Xruns}");
        for (int c = 1; c < 32; c++)
            Assert.True(FirstAbove(capture.Channel(c), 0, 0.05f * peak) == reference, $"port out_{c + 1} starts elsewhere than out_1 (a standing wave starts everywhere at once)");
        Assert.Equal(32, second);
    }

    /// <summary>Note-ons at (offset, channel) in one block, held 150 ms, released, then 150 ms of silence.</summary>
    private static void Play(PluginInstance plugin, params (int Offset, int Channel)[] notes)
    {
        using var on = new ProcessCall(Block, ProcessData.kSample32);
        using var off = new ProcessCall(Block, ProcessData.kSample32);
        foreach (var (offset, channel) in notes)
        {
            on.Events.NoteOn(offset, channel, Pitch, 0.8f, noteId: -1); // velocity >= 0.5: a standing wave
            off.Events.NoteOff(0, channel, Pitch, noteId: -1);
        }
        Run(plugin, on);
        Idle(plugin, 150);
        Run(plugin, off);
        Idle(plugin, 150);
    }

    /// <summary>Empty blocks about every 2 ms: the host keeps the session's heartbeat fresh.</summary>
    private static void Idle(PluginInstance plugin, int milliseconds)
    {
        using var empty = new ProcessCall(Block, ProcessData.kSample32);
        var clock = Stopwatch.StartNew();
        while (clock.ElapsedMilliseconds < milliseconds)
        {
            Run(plugin, empty);
            Thread.Sleep(2);
        }
    }

    private static void Run(PluginInstance plugin, ProcessCall call) => Assert.Equal(VstResult.kResultOk, call.Run(plugin.Processor, out _));

    /// <summary>The first sample after <paramref name="from"/> that begins 50 ms of silence.</summary>
    private static int EndOfSound(ReadOnlySpan<float> samples, int from, float threshold)
    {
        int quiet = 0;
        for (int i = Math.Max(0, from); i < samples.Length; i++)
        {
            quiet = Math.Abs(samples[i]) > threshold ? 0 : quiet + 1;
            if (quiet == 2400) return i;
        }
        return samples.Length;
    }

    public void Dispose() => bundle.KillServers();
}
