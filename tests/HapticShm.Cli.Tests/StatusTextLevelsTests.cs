using HapticShm.Cli.Status;

namespace HapticShm.Cli.Tests;

/// <summary><c>hapticshm status</c> prints every transducer's level, 16 to a line, numbered as the ports out_N.</summary>
public sealed class StatusTextLevelsTests
{
    private static StatusReport Report(float[] levels) => new(
        ServerPid: 1, Backend: "jack", SampleRate: 48000, BlockSize: 64, Channels: levels.Length, FixedLatencyMs: 3.7, ReadyMs: 40,
        UptimeSeconds: 1, Callbacks: 1, LoadMeanPercent: 1, LoadMaxPercent: 1, MaxCallbackUs: 1, Xruns: 0, Overruns: 0, TimelineSteps: 0,
        TimelineResyncs: 0, ActiveVoices: 0, PeakVoices: 0, NotesPlayed: 0, Late: 0, Stolen: 0, Rejected: 0, GcCount: 0, AllocatedBytes: 0,
        FaultedAtSeconds: -1, FaultSilencedBlocks: 0, Levels: levels, Clients: []);

    [Fact]
    public void Format_256Transducers_SixteenLinesOfSixteenLevels()
    {
        float[] levels = new float[256];
        levels[255] = 0.75f;

        string[] lines = StatusText.Format(Report(levels)).Split('\n');

        Assert.Contains("transducer peak levels (256):", lines);
        string[] rows = [.. lines.Where(line => line.StartsWith("  ", StringComparison.Ordinal) && line.Contains(": 0.", StringComparison.Ordinal))];
        Assert.Equal(16, rows.Length);
        Assert.Equal("    1- 16: " + string.Join(" ", Enumerable.Repeat("0.00", 16)), rows[0]);
        Assert.Equal("  241-256: " + string.Join(" ", Enumerable.Repeat("0.00", 15)) + " 0.75", rows[15]);
    }

    [Fact]
    public void Format_ThreeTransducers_OneShortLine()
    {
        string[] lines = StatusText.Format(Report([0.5f, 0.25f, 1f])).Split('\n');

        Assert.Contains("  1-3: 0.50 0.25 1.00", lines);
    }
}
