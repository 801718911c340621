using HapticShm.Cli.Monitor;
using HapticShm.Cli.Status;
using Spectre.Console.Rendering;

namespace HapticShm.Cli.Tests;

/// <summary>The monitor frame fits the console: no line wider than it, long client names cut with an ellipsis.</summary>
public sealed class MonitorViewTests
{
    private const string LongName = "hapticshm play test-all-gs-sounds.mid from a folder with a long name";

    private static StatusReport Report(params ClientReport[] clients) => new(
        ServerPid: 4_194_303, Backend: "jack (system)", SampleRate: 48000, BlockSize: 64, Channels: 32, FixedLatencyMs: 3.667,
        ReadyMs: 41.2, UptimeSeconds: 1234.5, Callbacks: 123_456_789, LoadMeanPercent: 12.34, LoadMaxPercent: 98.76, MaxCallbackUs: 1234.5,
        Xruns: 12345, Overruns: 3, TimelineSteps: 1, TimelineResyncs: 0, ActiveVoices: 12, PeakVoices: 12, NotesPlayed: 99999, Late: 123,
        Stolen: 4567, Rejected: 89, GcCount: 0, AllocatedBytes: 16400, FaultedAtSeconds: 0, FaultSilencedBlocks: 0, Levels: [.. Enumerable.Range(0, 32).Select(i => i / 31f)], Clients: clients);

    private static ClientReport Client(int slot, string name, long pushed) =>
        new(slot, 4_194_300 + slot, name, 4096, 4096, pushed, 123_456, pushed - 10, 7, 8901, 12.3, 12, 0);

    private static string[] Render(IRenderable frame, int width) => ConsoleRender.Lines(ConsoleRender.Text(frame, width));

    [Theory]
    [InlineData(80)]
    [InlineData(72)]
    [InlineData(100)]
    [InlineData(160)]
    public void Build_WithBigNumbersAndLongNames_NoLineIsWiderThanTheConsole(int width)
    {
        // A storm's rate (100 000 commands/s) and counters in the hundred thousands.
        var before = Report(Client(0, LongName, 1_000_000), Client(1, "hapticshm send", 5));
        var now = Report(Client(0, LongName, 1_010_000), Client(1, "hapticshm send", 5));

        string[] lines = Render(MonitorView.Build(now, before, 0.1, width), width);

        Assert.All(lines, line => Assert.True(line.Length <= width, $"{line.Length} columns at width {width}: {line}"));
        // Each client is one row: the name's start, its counters and its heartbeat on one line.
        Assert.Equal(2, lines.Count(line => line.Contains("hapticshm", StringComparison.Ordinal) && line.Contains("123456", StringComparison.Ordinal) && line.Contains("12 ms", StringComparison.Ordinal)));
    }

    [Fact]
    public void Build_At80Columns_CutsTheLongNameWithAnEllipsis()
    {
        var now = Report(Client(0, LongName, 5));

        string[] lines = Render(MonitorView.Build(now, null, 0.1, 80), 80);

        string row = Assert.Single(lines, line => line.Contains("hapticshm play", StringComparison.Ordinal));
        Assert.Contains("…", row, StringComparison.Ordinal);
        Assert.DoesNotContain(lines, line => line.Contains("long name", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_WideConsole_ShowsTheWholeNameAndTheFullHeaders()
    {
        var now = Report(Client(0, LongName, 5));

        string[] lines = Render(MonitorView.Build(now, null, 0.1, 200), 200);

        Assert.Contains(lines, line => line.Contains(LongName, StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("heartbeat", StringComparison.Ordinal) && line.Contains("rejected", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("abcdef", 6, "abcdef")]
    [InlineData("abcdefg", 6, "abcde…")]
    [InlineData("abc", 1, "…")]
    public void Fit_CutsToTheWidthWithAnEllipsis(string text, int width, string expected) =>
        Assert.Equal(expected, RingTable.Fit(text, width));
}
