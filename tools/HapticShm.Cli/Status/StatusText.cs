using System.Globalization;
using System.Text;

namespace HapticShm.Cli.Status;

/// <summary>The human-readable form of <c>hapticshm status</c>.</summary>
internal static class StatusText
{
    public static string Format(StatusReport s)
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"server {s.ServerPid}: {s.BackendLine}, {s.SampleRate} Hz, {s.BlockSize} frames, {s.Channels} channels, latency {s.FixedLatencyMs} ms, up {s.UptimeSeconds} s (ready in {s.ReadyMs} ms)");
        text.AppendLine(c, $"callback: {s.Callbacks} blocks, load mean {s.LoadMeanPercent}% max {s.LoadMaxPercent}% (longest {s.MaxCallbackUs} us), xruns {s.Xruns} ({s.Overruns} from callbacks over a period), timeline {s.TimelineSteps} frame steps and {s.TimelineResyncs} resyncs");
        text.AppendLine(c, $"voices: {s.ActiveVoices} now, {s.PeakVoices} peak; notes {s.NotesPlayed}, late {s.Late}, stolen {s.Stolen}, rejected {s.Rejected}");
        text.AppendLine(s.FaultedAtSeconds < 0 ? "faults: none"
            : string.Create(c, $"FAULT: the audio callback failed {s.FaultedAtSeconds} s after start; output silenced for {s.FaultSilencedBlocks} blocks, the server stops (see server.log)"));
        text.AppendLine(c, $"memory since ready: {s.GcCount} GCs, {s.AllocatedBytes} bytes allocated");
        AppendLevels(text, s.Levels);
        text.AppendLine(c, $"clients: {s.Clients.Length}");
        foreach (var client in s.Clients)
        {
            text.AppendLine(c, $"  [{client.Slot}] {client.Name} (pid {client.Pid}): fill {client.Fill}/{client.Capacity}, pushed {client.Pushed}, popped {client.Popped}, dropped {client.Dropped}, rejected {client.Rejected}, late {client.Late}, heartbeat {client.HeartbeatAgeMs} ms, voices {client.Voices}");
            text.AppendLine(c, $"      clock: {client.Clock}");
        }
        return text.ToString().TrimEnd();
    }

    /// <summary>Levels per transducer printed per line (16 fit 80 columns with the prefix).</summary>
    public const int LevelsPerLine = 16;

    // Every transducer's peak level, 16 to a line, each line prefixed with its transducer numbers (1-based, as the ports out_N).
    private static void AppendLevels(StringBuilder text, float[] levels)
    {
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"transducer peak levels ({levels.Length}):");
        int digits = levels.Length.ToString(c).Length;
        for (int start = 0; start < levels.Length; start += LevelsPerLine)
        {
            int end = Math.Min(levels.Length, start + LevelsPerLine);
            string range = $"{(start + 1).ToString(c).PadLeft(digits)}-{end.ToString(c).PadLeft(digits)}";
            text.AppendLine(c, $"  {range}: {string.Join(" ", levels[start..end].Select(l => l.ToString("0.00", c)))}");
        }
    }
}
