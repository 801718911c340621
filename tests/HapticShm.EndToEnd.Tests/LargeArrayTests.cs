using System.Globalization;
using System.Text;
using HapticShm.Jack;
using HapticShm.Shared;
using HapticShm.Shared.Handshake;
using HapticShm.Shared.Protocol;
using HapticShm.Shared.Ring;
using Xunit.Abstractions;

namespace HapticShm.EndToEnd.Tests;

/// <summary>An array beyond 32 transducers and beyond one interface: the server with a
/// 128-transducer layout on a private jackd, its ports spread by a connect map over the dummy
/// driver's playback ports and a second client's inputs (standing in for alsa_out or a netjack2
/// slave), checked with JACK's own connection lists, a capture and <c>hapticshm devices</c>.</summary>
public sealed class LargeArrayTests(ITestOutputHelper output) : IDisposable
{
    private const int Transducers = 128;
    private readonly TempRuntimeDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Server_128Transducers_ConnectMapConnectsPortsOnTwoDevicesAndTransducer128Plays()
    {
        using JackdLauncher jackd = JackdLauncher.Start("hs-e2e-" + Guid.NewGuid().ToString("N")[..8]);
        using JackClient secondDevice = JackClient.Open("usb2", jackd.ServerName);
        secondDevice.RegisterPort("playback_1", JackPortDirection.Input);
        secondDevice.RegisterPort("playback_2", JackPortDirection.Input);
        secondDevice.Activate();
        string layout = WriteLayout();
        string map = _dir.File("connect-map.txt");
        File.WriteAllText(map, """
            # the first interface
            out_1   system:playback_1
            out_2   system:playback_2
            # a second interface through alsa_out
            out_127 usb2:playback_1
            out_128 usb2:playback_2
            out_64  usb3:playback_1
            """);

        using var server = ServerProcess.Start(_dir.Path, "--backend", "jack", "--jack-server", jackd.ServerName, "--idle-exit", "0", "--layout", layout, "--connect-map", map);

        Assert.Equal(Transducers, server.ReadStatus().ChannelCount);
        Assert.Equal(Transducers, secondDevice.GetPorts("^hapticshm:out_", JackPortDirection.Output).Count);
        Assert.Equal(["hapticshm:out_1"], secondDevice.GetConnections("system:playback_1"));
        Assert.Equal(["hapticshm:out_2"], secondDevice.GetConnections("system:playback_2"));
        Assert.Equal(["hapticshm:out_127"], secondDevice.GetConnections("usb2:playback_1"));
        Assert.Equal(["hapticshm:out_128"], secondDevice.GetConnections("usb2:playback_2"));
        Assert.Empty(secondDevice.GetConnections("hapticshm:out_64"));
        Assert.Contains($"connect map {map} line 7: out_64 -> usb3:playback_1 not connected: no JACK port 'usb3:playback_1'", server.Log(), StringComparison.Ordinal);
        Assert.Contains($"connect map {map}: 4 of 5 connections made", server.Log(), StringComparison.Ordinal);

        var (exitCode, devices, error) = CliProcess.Run(_dir.Path, "devices", "--jack-server", jackd.ServerName);
        output.WriteLine(devices);
        Assert.True(exitCode == 0, $"devices exited {exitCode}: {error}");
        Assert.Contains($"hapticshm server ports: {Transducers} (hapticshm:out_1 .. hapticshm:out_", devices, StringComparison.Ordinal);
        Assert.Contains($"connect map {Path.GetFullPath(map)} (applied by the running server): 4 of 5 connections live", devices, StringComparison.Ordinal);
        Assert.Matches(@"line 6 +hapticshm:out_128 +-> usb2:playback_2 +live", devices);
        Assert.Matches(@"line 7 +hapticshm:out_64 +-> usb3:playback_1 +missing: no port usb3:playback_1", devices);

        AssertStandingNoteReachesTheLastPort(jackd, server);
    }

    [Fact]
    public void Server_MalformedConnectMap_ExitsWithTheLineNumber()
    {
        string map = _dir.File("bad-map.txt");
        File.WriteAllText(map, "out_1 system:playback_1\n# ok so far\nout_1 playback_1\n");

        string error = ServerRefusing(map, "the server kept running with a malformed connect map");

        Assert.Contains($"hapticshm-server: connect map: {map}: line 3: 'playback_1' is not a full JACK port name", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Server_ConnectMapPortBeyondTheLayout_ExitsNamingTheLayoutSize()
    {
        string map = _dir.File("map.txt");
        File.WriteAllText(map, "out_33 system:playback_1\n");

        string error = ServerRefusing(map, "the server kept running with a connect map naming out_33 of 32");

        Assert.Contains($"{map}: line 1: 'out_33': the layout has 32 transducers, so the ports are out_1 .. out_32", error, StringComparison.Ordinal);
    }

    // Starts a null-backend server with the map, asserts it exits 2 and returns its stderr.
    private string ServerRefusing(string map, string keptRunning)
    {
        using var server = ServerProcess.Launch(_dir.Path, "--backend", "null", "--idle-exit", "0", "--connect-map", map);
        Assert.True(server.WaitForExit(TimeSpan.FromSeconds(20)), keptRunning);
        Assert.Equal(2, server.ExitCode);
        return server.StandardError();
    }

    [Fact]
    public void ServerStart_MalformedConnectMap_OneLineWithTheLineNumber()
    {
        string map = _dir.File("bad-map.txt");
        File.WriteAllText(map, "out_1 system:playback_1\n\nspeaker system:playback_2\n");

        var (exit, _, error) = CliProcess.Run(_dir.Path, "server", "start", "--backend", "null", "--connect-map", map);

        Assert.Equal(1, exit);
        string line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("hapticshm server start: ", line, StringComparison.Ordinal);
        Assert.Contains($"{map}: line 3: 'speaker' is not one of our ports", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Devices_ConnectMapWithoutAJackServer_ListsItsConnectionsAsNotLive()
    {
        string map = _dir.File("map.txt");
        File.WriteAllText(map, "out_1 system:playback_1\nout_200 usb2:playback_8\n");

        var (exit, devices, error) = CliProcess.Run(_dir.Path, "devices", "--jack-server", "hs-no-such-" + Guid.NewGuid().ToString("N")[..8], "--connect-map", map);

        Assert.True(exit == 0, $"devices exited {exit}: {error}");
        Assert.Contains($"connect map {map} (given with --connect-map): 0 of 2 connections live", devices, StringComparison.Ordinal);
        Assert.Matches(@"line 2 +hapticshm:out_200 +-> usb2:playback_8 +not live: no JACK server", devices);
    }

    // A standing wave sounds on every transducer times its layout gain: transducer 1 has gain 0.5,
    // 64 gain 0 and 128 gain 1, so the captured peaks must stand 0.5 : 0 : 1 if each transducer
    // reaches its own port.
    private void AssertStandingNoteReachesTheLastPort(JackdLauncher jackd, ServerProcess server)
    {
        using var capture = new JackCaptureClient(["hapticshm:out_1", "hapticshm:out_64", "hapticshm:out_128"], 1.5, "e2e-capture", jackd.ServerName);
        capture.Start();
        using ServerSession client = HandshakeClient.Connect("large array test", server.SocketPath);
        Assert.Equal(Transducers, client.ChannelCount);
        RingProducer ring = client.Ring.Producer;
        long now = MonotonicClock.NowNs();
        ring.StampHeartbeat(now);
        ring.TryPush(Command.Param(ParamId.AttackSeconds, 0f, now));
        ring.TryPush(Command.NoteOn(0, 48, 100 / 127f, now + 20_000_000)); // velocity >= 64: standing wave
        JackServerTests.HoldHeartbeat(ring, 400);
        Wait.Until(() => capture.RecordedFrames > 0 && capture.SampleToMonotonicNs(capture.RecordedFrames - 1) > now + 300_000_000, "the capture records past the note");
        capture.Stop();

        float first = Peak(capture.Channel(0)), middle = Peak(capture.Channel(1)), last = Peak(capture.Channel(2));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peaks: out_1 {first}, out_64 {middle}, out_128 {last}; xruns: capture {capture.Xruns}, server {server.ReadStatus().Xruns}"));
        Assert.True(last > 0.05f, $"transducer 128 stayed silent on hapticshm:out_128 (peak {last})");
        Assert.Equal(0f, middle);
        Assert.InRange(first / last, 0.49f, 0.51f);
    }

    private string WriteLayout()
    {
        // 8 rows x 16 columns at 5 cm; gains pick out transducers 1, 64 and 128.
        var json = new StringBuilder("{ \"transducers\": [\n");
        for (int i = 0; i < Transducers; i++)
        {
            float gain = i switch { 0 => 0.5f, 63 => 0f, _ => 1f };
            json.Append(CultureInfo.InvariantCulture, $"  {{ \"x\": {i % 16 * 0.05f}, \"y\": {i / 16 * 0.05f}, \"gain\": {gain} }}{(i < Transducers - 1 ? "," : "")}\n");
        }
        string path = _dir.File("layout-128.json");
        File.WriteAllText(path, json.Append("] }\n").ToString());
        return path;
    }

    private static float Peak(ReadOnlySpan<float> samples)
    {
        float peak = 0;
        foreach (float s in samples) peak = Math.Max(peak, Math.Abs(s));
        return peak;
    }
}
