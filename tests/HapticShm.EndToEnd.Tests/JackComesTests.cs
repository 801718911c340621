using System.Globalization;
using HapticShm.Jack;
using HapticShm.Shared;
using HapticShm.Shared.Handshake;
using HapticShm.Shared.Protocol;
using HapticShm.Shared.Ring;
using HapticShm.Shared.Status;
using Xunit.Abstractions;

namespace HapticShm.EndToEnd.Tests;

/// <summary>
/// A server started with <c>--backend auto</c> while no JACK server answers keeps time on null,
/// moves to JACK when it comes, back to null when it goes and to JACK again when it returns,
/// with one client attached and its note held throughout. The move times are printed, not judged.
/// </summary>
public sealed class JackComesTests(ITestOutputHelper output) : IDisposable
{
    private const int Channels = 32;
    private static readonly string[] Ports = [.. Enumerable.Range(1, Channels).Select(i => $"hapticshm:out_{i}")];
    private readonly TempRuntimeDirectory _dir = new();

    [Fact]
    public void AutoServer_FollowsJackComingGoingAndComingBack_KeepingItsClientAndHeldNote()
    {
        string name = "hs-comes-" + Guid.NewGuid().ToString("N")[..8];
        using var server = ServerProcess.Start(_dir.Path, "--backend", "auto", "--jack-server", name, "--idle-exit", "0");
        StatusBlock status = server.ReadStatus();
        Assert.Equal("null", status.BackendText);
        Assert.True(status.IsWaitingForJack, "a server without JACK says it waits for JACK");
        Assert.Equal($"no JACK server '{name}' answered at start-up", status.BackendReasonText);

        using ServerSession client = HandshakeClient.Connect("jack comes", server.SocketPath);
        RingProducer ring = client.Ring.Producer;
        using var heartbeat = new HeldHeartbeat(ring);
        long now = MonotonicClock.NowNs();
        Assert.True(ring.TryPush(Command.Param(ParamId.AttackSeconds, 0f, now)));
        Assert.True(ring.TryPush(Command.NoteOn(0, 48, 100 / 127f, now + 10_000_000))); // velocity >= 64: a standing wave on every port
        Wait.Until(() => server.ReadStatus().ActiveVoices == 1, "the note sounds on null");

        var first = JoinAndHear(name, server);
        using (first.Jackd)
        {
            AssertAttachedAndSounding(server, client);
        }
        long stoppedNs = MonotonicClock.NowNs();

        // jackd is gone (SIGTERM, waited for): the server is back on null with the reason, the client still served.
        Wait.Until(() => server.ReadStatus().IsWaitingForJack, "the server goes back to null");
        long backOnNullNs = MonotonicClock.NowNs();
        status = server.ReadStatus();
        Assert.Equal("null", status.BackendText);
        Assert.Equal($"JACK server '{name}' shut down", status.BackendReasonText);
        AssertAttachedAndSounding(server, client);
        var (exit, text, error) = CliProcess.Run(_dir.Path, "status");
        Assert.True(exit == 0, error);
        Assert.Contains($": null: waiting for JACK (JACK server '{name}' shut down), 48000 Hz", text.Split('\n')[0]);
        Assert.Contains($"auto backend: JACK server '{name}' shut down; back on null, waiting for JACK", server.Log());

        var second = JoinAndHear(name, server);
        using (second.Jackd)
        {
            AssertAttachedAndSounding(server, client);
            Assert.True(ring.TryPush(Command.NoteOff(0, 48, MonotonicClock.NowNs())));
            Wait.Until(() => server.ReadStatus().ActiveVoices == 0, "the note-off releases the voice");
        }
        Assert.False(server.HasExited, "the server stopped with JACK");

        output.WriteLine(First("first ", first));
        output.WriteLine($"jackd stopped -> status says null: waiting for JACK: {(backOnNullNs - stoppedNs) / 1e6:F0} ms (polled every 5 ms)");
        output.WriteLine(First("second", second));
        foreach (string line in server.Log().Split('\n').Where(l => l.Contains("auto backend", StringComparison.Ordinal)))
            output.WriteLine("server.log: " + line);
    }

    private static string First(string which, Joined j) => string.Create(CultureInfo.InvariantCulture,
        $"{which} jackd answering -> ports registered {(j.PortsNs - j.AnsweredNs) / 1e6:F0} ms -> note heard {(j.HeardNs - j.AnsweredNs) / 1e6:F0} ms (the capture connects after the ports appear)");

    private readonly record struct Joined(JackdLauncher Jackd, long AnsweredNs, long PortsNs, long HeardNs);

    /// <summary>Starts jackd, waits for the server's ports on it and for the held note in a capture of them.</summary>
    private static Joined JoinAndHear(string name, ServerProcess server)
    {
        var jackd = JackdLauncher.Start(name); // returns once a client can connect
        long answeredNs = MonotonicClock.NowNs();
        try
        {
            long portsNs;
            using (var look = JackClient.Open("comes-look", name))
            {
                Wait.Until(() => look.PortExists(Ports[^1]), "the server registers its ports on the JACK server that came");
                portsNs = MonotonicClock.NowNs();
            }
            using var capture = new JackCaptureClient(Ports, 2.0, "comes-capture", name);
            capture.Start();
            int loud = -1;
            Wait.Until(() => (loud = FirstLoud(capture)) >= 0, "the held note is heard on the server's ports");
            long heardNs = capture.SampleToMonotonicNs(loud);
            capture.Stop();
            Wait.Until(() => server.ReadStatus() is var s && !s.IsWaitingForJack && s.BackendText == "jack", "status says jack");
            return new Joined(jackd, answeredNs, portsNs, heardNs);
        }
        catch
        {
            jackd.Dispose();
            throw;
        }
    }

    private static void AssertAttachedAndSounding(ServerProcess server, ServerSession client)
    {
        long popped = client.Ring.ReadCounters().Popped;
        Assert.True(client.Ring.Producer.TryPush(Command.Param(ParamId.WaveSpeed, 150, MonotonicClock.NowNs())));
        Wait.Until(() => client.Ring.ReadCounters().Popped == popped + 1, "the server still drains the client's ring");
        StatusBlock status = server.ReadStatus();
        Assert.Equal(1, status.ClientCount);
        Assert.Equal(1, status.ActiveVoices);
    }

    /// <summary>First recorded sample above 0.05 on any channel, or -1.</summary>
    private static int FirstLoud(JackCaptureClient capture)
    {
        int first = -1;
        for (int c = 0; c < capture.ChannelCount; c++)
        {
            ReadOnlySpan<float> samples = capture.Channel(c);
            for (int i = 0; i < samples.Length && (first < 0 || i < first); i++)
                if (Math.Abs(samples[i]) > 0.05f) { first = i; break; }
        }
        return first;
    }

    public void Dispose() => _dir.Dispose();
}
