using System.Text.Json;
using HapticShm.Shared;
using HapticShm.Shared.Status;

namespace HapticShm.EndToEnd.Tests;

/// <summary>`hapticshm status` shows a faulted audio callback as the server published it.</summary>
public sealed class StatusFaultTests : IDisposable
{
    private readonly TempRuntimeDirectory _dir = new();

    [Fact]
    public void Status_OfAServerWhoseCallbackFaulted_SaysSoInWordsAndInJson()
    {
        using StatusFile status = PublishFaulted(startedNs: MonotonicClock.NowNs() - 5_000_000_000, faultAfterNs: 2_500_000_000, silencedBlocks: 37);

        var (exit, text, error) = CliProcess.Run(_dir.Path, "status");
        Assert.True(exit == 0, error);
        Assert.Contains("FAULT: the audio callback failed 2.5 s after start; output silenced for 37 blocks, the server stops (see server.log)", text, StringComparison.Ordinal);

        var (jsonExit, json, jsonError) = CliProcess.Run(_dir.Path, "status", "--json");
        Assert.True(jsonExit == 0, jsonError);
        using var document = JsonDocument.Parse(json);
        Assert.Equal(2.5, document.RootElement.GetProperty("faultedAtSeconds").GetDouble());
        Assert.Equal(37, document.RootElement.GetProperty("faultSilencedBlocks").GetInt64());
    }

    [Fact]
    public void Status_OfAHealthyServer_SaysNoFaults()
    {
        using StatusFile status = PublishFaulted(startedNs: MonotonicClock.NowNs() - 1_000_000_000, faultAfterNs: -1, silencedBlocks: 0);

        var (exit, text, error) = CliProcess.Run(_dir.Path, "status");
        Assert.True(exit == 0, error);
        Assert.Contains("faults: none", text, StringComparison.Ordinal);
    }

    // The block as a server publishes it; this test process stands in for the live server pid.
    private unsafe StatusFile PublishFaulted(long startedNs, long faultAfterNs, long silencedBlocks)
    {
        var status = StatusFile.Create(Path.Combine(_dir.Path, "status.shm"));
        status.BeginWrite();
        StatusBlock* block = status.Block;
        block->ServerPid = Environment.ProcessId;
        block->SampleRate = 48_000;
        block->BlockSize = 64;
        block->ChannelCount = 32;
        block->StartedNs = startedNs;
        block->ReadyNs = startedNs + 50_000_000;
        block->UpdatedNs = MonotonicClock.NowNs();
        block->FaultedNs = faultAfterNs < 0 ? 0 : startedNs + faultAfterNs;
        block->FaultSilencedBlocks = silencedBlocks;
        status.EndWrite();
        return status;
    }

    public void Dispose() => _dir.Dispose();
}
