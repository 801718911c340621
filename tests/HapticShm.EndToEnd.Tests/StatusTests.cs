using System.Text.Json;
using HapticShm.Shared;
using HapticShm.Shared.Handshake;
using HapticShm.Shared.Protocol;
using HapticShm.Shared.Ring;
using HapticShm.Shared.Status;

namespace HapticShm.EndToEnd.Tests;

/// <summary>`hapticshm status --json` against a real server, consistent with what a client sent.</summary>
public sealed class StatusTests : IDisposable
{
    private readonly TempRuntimeDirectory _dir = new();

    [Fact]
    public void StatusJson_ReportsTheServerAndEachClientsRingConsistently()
    {
        using var server = ServerProcess.Start(_dir.Path, "--backend", "null", "--idle-exit", "0");
        using ServerSession client = HandshakeClient.Connect("status probe", server.SocketPath);
        RingProducer ring = client.Ring.Producer;
        long now = MonotonicClock.NowNs();
        ring.StampHeartbeat(now);
        for (byte note = 40; note < 43; note++) Assert.True(ring.TryPush(Command.NoteOn(2, note, 0.9f, now)));
        Assert.True(ring.TryPush(Command.Param(ParamId.WaveSpeed, 200, now)));
        Wait.Until(() => client.Ring.ReadCounters().Popped == 4, "the server pops all four commands");
        ring.StampHeartbeat(MonotonicClock.NowNs());
        ring.PublishClock(new ClockSourceStatus(ClockSource.HostClockRejected, HostClockFault.WrongRate, 0.001f).Pack());
        Wait.Until(() => StatusJson()?.Contains("runs at 0.001x", StringComparison.Ordinal) == true, "the server publishes the probe's clock");

        var (exit, json, error) = CliProcess.Run(_dir.Path, "status", "--json");
        Assert.True(exit == 0, error);
        using var document = JsonDocument.Parse(json);
        JsonElement root = document.RootElement;
        Assert.Equal(server.Pid, root.GetProperty("serverPid").GetInt32());
        Assert.Equal("null", root.GetProperty("backend").GetString());
        Assert.Equal(48000, root.GetProperty("sampleRate").GetInt32());
        Assert.Equal(64, root.GetProperty("blockSize").GetInt32());
        Assert.Equal(32, root.GetProperty("channels").GetInt32());
        Assert.Equal(32, root.GetProperty("levels").GetArrayLength());
        Assert.True(root.GetProperty("callbacks").GetInt64() > 0);
        Assert.Equal(3, root.GetProperty("notesPlayed").GetInt64());
        Assert.Equal(0, root.GetProperty("rejected").GetInt64());
        Assert.Equal(0, root.GetProperty("gcCount").GetInt64());
        foreach (string field in new[] { "fixedLatencyMs", "loadMeanPercent", "loadMaxPercent", "maxCallbackUs", "xruns", "activeVoices", "peakVoices", "late", "stolen", "allocatedBytes", "uptimeSeconds", "readyMs" })
            Assert.True(root.TryGetProperty(field, out _), $"status --json lacks {field}");

        JsonElement[] clients = [.. root.GetProperty("clients").EnumerateArray()];
        JsonElement mine = Assert.Single(clients, c => c.GetProperty("name").GetString() == "status probe");
        Assert.Equal(Environment.ProcessId, mine.GetProperty("pid").GetInt32());
        Assert.Equal(4, mine.GetProperty("pushed").GetInt64());
        Assert.Equal(4, mine.GetProperty("popped").GetInt64());
        Assert.Equal(0, mine.GetProperty("dropped").GetInt64());
        Assert.Equal(0, mine.GetProperty("fill").GetInt64());
        Assert.Equal(client.Ring.Capacity, mine.GetProperty("capacity").GetInt32());
        Assert.InRange(mine.GetProperty("heartbeatAgeMs").GetDouble(), 0, 10_000);
        Assert.Equal("own fit (host clock rejected: runs at 0.001x)", mine.GetProperty("clock").GetString());

        var (textExit, text, _) = CliProcess.Run(_dir.Path, "status");
        Assert.Equal(0, textExit);
        Assert.Contains("      clock: own fit (host clock rejected: runs at 0.001x)", text.Split('\n'));
    }

    private string? StatusJson()
    {
        var (exit, json, _) = CliProcess.Run(_dir.Path, "status", "--json");
        return exit == 0 ? json : null;
    }

    [Fact]
    public void Status_WithNoServer_ExitsThree()
    {
        var (exit, _, error) = CliProcess.Run(_dir.Path, "status");
        Assert.Equal(3, exit);
        Assert.Contains("no HapticShm server is running", error, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();
}
