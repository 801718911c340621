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
        text.AppendLine(c, $"server {s.ServerPid}: {s.Backend}, {s.SampleRate} Hz, {s.BlockSize} frames, {s.Channels} channels, latency {s.FixedLatencyMs} ms, up {s.UptimeSeconds} s (ready in {s.ReadyMs} ms)");
        text.AppendLine(c, $"callback: {s.Callbacks} blocks, load mean {s.LoadMeanPercent}% max {s.LoadMaxPercent}% (longest {s.MaxCallbackUs} us), xruns {s.Xruns} ({s.Overruns} from callbacks over a period), timeline {s.TimelineSteps} frame steps and {s.TimelineResyncs} resyncs");
        text.AppendLine(c, $"voices: {s.ActiveVoices} now, {s.PeakVoices} peak; notes {s.NotesPlayed}, late {s.Late}, stolen {s.Stolen}, rejected {s.Rejected}");
        text.AppendLine(s.FaultedAtSeconds < 0 ? "faults: none"
            : string.Create(c, $"FAULT: the audio callback failed {s.FaultedAtSeconds} s after start; output silenced for {s.FaultSilencedBlocks} blocks, the server stops (see server.log)"));
        text.AppendLine(c, $"memory since ready: {s.GcCount} GCs, {s.AllocatedBytes} bytes allocated");
        text.AppendLine(c, $"clients: {s.Clients.Length}");
        foreach (var client in s.Clients)
            text.AppendLine(c, $"  [{client.Slot}] {client.Name} (pid {client.Pid}): fill {client.Fill}/{client.Capacity}, pushed {client.Pushed}, popped {client.Popped}, dropped {client.Dropped}, rejected {client.Rejected}, late {client.Late}, heartbeat {client.HeartbeatAgeMs} ms, voices {client.Voices}");
        return text.ToString().TrimEnd();
    }
}
