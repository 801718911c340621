using HapticShm.Shared;
using HapticShm.Shared.Status;

namespace HapticShm.Cli.Status;

/// <summary>The status block as plain values, for text, JSON and the monitor.</summary>
internal sealed record StatusReport(
    int ServerPid,
    string Backend,
    int SampleRate,
    int BlockSize,
    int Channels,
    double FixedLatencyMs,
    double ReadyMs,
    double UptimeSeconds,
    long Callbacks,
    double LoadMeanPercent,
    double LoadMaxPercent,
    double MaxCallbackUs,
    long Xruns,
    long Overruns,
    long TimelineSteps,
    long TimelineResyncs,
    int ActiveVoices,
    int PeakVoices,
    long NotesPlayed,
    long Late,
    long Stolen,
    long Rejected,
    long GcCount,
    long AllocatedBytes,
    double FaultedAtSeconds,
    long FaultSilencedBlocks,
    float[] Levels,
    ClientReport[] Clients,
    float[]? TransducerX = null,
    float[]? TransducerY = null,
    bool WaitingForJack = false,
    string BackendReason = "")
{
    /// <summary>The backend as people read it: "jack", or "null: waiting for JACK (why)".</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string BackendLine => StatusBlock.DescribeBackend(Backend, WaitingForJack, BackendReason);

    public static unsafe StatusReport From(in StatusBlock block)
    {
        long now = MonotonicClock.NowNs();
        int channels = Math.Min(block.ChannelCount, StatusBlock.MaxTransducers);
        var levels = new float[channels];
        var x = new float[channels];
        var y = new float[channels];
        for (int i = 0; i < channels; i++)
        {
            levels[i] = block.Levels[i];
            x[i] = block.TransducerX[i];
            y[i] = block.TransducerY[i];
        }
        var clients = new List<ClientReport>();
        StatusBlock copy = block;
        for (int i = 0; i < StatusBlock.MaxClients; i++)
        {
            ClientStatus c = copy.Client(i);
            if (c.Active == 0) continue;
            clients.Add(new ClientReport(i, c.Pid, c.NameText, c.Capacity, c.Fill, c.Pushed, c.DroppedFull, c.Popped, c.Rejected, c.Late,
                c.HeartbeatAgeNs < 0 ? -1 : Math.Round(c.HeartbeatAgeNs / 1e6, 1), c.ActiveVoices, c.StallFades,
                ClockSourceStatus.Unpack(c.Clock).ToString()));
        }
        return new StatusReport(block.ServerPid, block.BackendText, block.SampleRate, block.BlockSize, block.ChannelCount,
            Math.Round(block.FixedLatencyNs / 1e6, 3), Math.Round((block.ReadyNs - block.StartedNs) / 1e6, 1),
            Math.Round((now - block.StartedNs) / 1e9, 1), block.Callbacks,
            Math.Round(block.LoadMeanPercent, 2), Math.Round(block.LoadMaxPercent, 2), Math.Round(block.MaxCallbackNs / 1e3, 1),
            block.Xruns, block.Overruns, block.TimelineSteps, block.TimelineResyncs, block.ActiveVoices, block.PeakVoices, block.NotesPlayed, block.Late, block.Stolen, block.Rejected,
            block.GcCount, block.AllocatedBytes,
            block.FaultedNs == 0 ? -1 : Math.Round((block.FaultedNs - block.StartedNs) / 1e9, 3), block.FaultSilencedBlocks,
            levels, [.. clients], x, y, block.IsWaitingForJack, block.BackendReasonText);
    }
}

/// <summary>One client's ring health and which clock it stamps with (<see cref="ClockSourceStatus"/>'s line).</summary>
internal sealed record ClientReport(
    int Slot,
    int Pid,
    string Name,
    int Capacity,
    long Fill,
    long Pushed,
    long Dropped,
    long Popped,
    long Rejected,
    long Late,
    double HeartbeatAgeMs,
    int Voices,
    long StallFades,
    string Clock = "not reported");
