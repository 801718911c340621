using HapticShm.Cli.Status;

namespace HapticShm.Cli.Tests;

/// <summary>Each client of <c>hapticshm status</c>: its ring on one line, the clock it stamps with on the next.</summary>
public sealed class StatusTextClientsTests
{
    [Fact]
    public void Format_AClientThatRefusedItsHostsClock_SaysWhyUnderItsRing()
    {
        var client = new ClientReport(Slot: 2, Pid: 77, Name: "Ardour: MIDI 1", Capacity: 4096, Fill: 0, Pushed: 9, Dropped: 0, Popped: 9,
            Rejected: 0, Late: 0, HeartbeatAgeMs: 1.5, Voices: 1, StallFades: 0, Clock: "own fit (host clock rejected: runs at 0.001x)");
        var report = new StatusReport(ServerPid: 1, Backend: "jack", SampleRate: 48000, BlockSize: 64, Channels: 2, FixedLatencyMs: 3.7, ReadyMs: 40,
            UptimeSeconds: 1, Callbacks: 1, LoadMeanPercent: 1, LoadMaxPercent: 1, MaxCallbackUs: 1, Xruns: 0, Overruns: 0, TimelineSteps: 0,
            TimelineResyncs: 0, ActiveVoices: 0, PeakVoices: 0, NotesPlayed: 0, Late: 0, Stolen: 0, Rejected: 0, GcCount: 0, AllocatedBytes: 0,
            FaultedAtSeconds: -1, FaultSilencedBlocks: 0, Levels: [0, 0], Clients: [client]);

        string[] lines = StatusText.Format(report).Split('\n');

        int ring = Array.FindIndex(lines, line => line.StartsWith("  [2] Ardour: MIDI 1 (pid 77)", StringComparison.Ordinal));
        Assert.True(ring >= 0, string.Join('\n', lines));
        Assert.Equal("      clock: own fit (host clock rejected: runs at 0.001x)", lines[ring + 1]);
    }
}
