using HapticShm.Cli.Status;

namespace HapticShm.Cli.Tests;

/// <summary><c>hapticshm status</c> names the backend, and while the auto backend waits on null, why.</summary>
public sealed class StatusTextBackendTests
{
    private static StatusReport Report(string backend, bool waiting, string reason) => new(
        ServerPid: 1, Backend: backend, SampleRate: 48000, BlockSize: 64, Channels: 1, FixedLatencyMs: 3.7, ReadyMs: 40,
        UptimeSeconds: 1, Callbacks: 1, LoadMeanPercent: 1, LoadMaxPercent: 1, MaxCallbackUs: 1, Xruns: 0, Overruns: 0, TimelineSteps: 0,
        TimelineResyncs: 0, ActiveVoices: 0, PeakVoices: 0, NotesPlayed: 0, Late: 0, Stolen: 0, Rejected: 0, GcCount: 0, AllocatedBytes: 0,
        FaultedAtSeconds: -1, FaultSilencedBlocks: 0, Levels: [0f], Clients: [], WaitingForJack: waiting, BackendReason: reason);

    [Fact]
    public void Format_WaitingForJack_SaysSoWithTheReason()
    {
        string first = StatusText.Format(Report("null", true, "JACK server 'lab' shut down")).Split('\n')[0];

        Assert.StartsWith("server 1: null: waiting for JACK (JACK server 'lab' shut down), 48000 Hz, 64 frames", first);
    }

    [Fact]
    public void Format_OnJack_JustTheName()
    {
        string first = StatusText.Format(Report("jack", false, "")).Split('\n')[0];

        Assert.StartsWith("server 1: jack, 48000 Hz", first);
    }
}
