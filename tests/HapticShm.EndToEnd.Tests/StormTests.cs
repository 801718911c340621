using System.Diagnostics;
using HapticShm.Shared.Status;
using Xunit.Abstractions;

namespace HapticShm.EndToEnd.Tests;

/// <summary>Full polyphony with event storms from three clients on the shipped (NativeAOT) server.</summary>
/// <remarks>Asserts what our code decides (no collection, no steady allocation, the pools filled,
/// a mean load far below the period); xruns, overruns and the longest callback are printed, never
/// asserted: they measure the VM's scheduler. One run, no retry. Timing: half a minute of wall clock.</remarks>
[Trait("Category", "Timing")]
public sealed class StormTests(ITestOutputHelper output)
{
    [Fact]
    public void ThreeClientsStorming30Seconds_NoCollectionsNoSteadyAllocation()
    {
        using var rig = new JackRig(1, ServerProcess.BundledExecutablePath);
        var clients = new List<Process>();
        try
        {
            for (int i = 0; i < 3; i++)
                clients.Add(CliProcess.Start(rig.RuntimeDirectory, "send", "storm", "--seconds", "32", "--per-ms", "50", "--notes", "8", "--seed", $"{i + 1}"));
            Wait.Until(() => rig.Server.ReadStatus().ClientCount == 3, "all three storm clients are connected", seconds: 30);
            Thread.Sleep(1000); // connecting allocates (rings, sockets); steady state starts now
            StatusBlock start = rig.Server.ReadStatus();
            foreach (Process client in clients) Assert.True(client.WaitForExit(90_000), "a storm client did not finish");
            StatusBlock end = rig.Server.ReadStatus();

            output.WriteLine($"callbacks {end.Callbacks - start.Callbacks}, xruns {end.Xruns - start.Xruns} (overruns of ours {end.Overruns - start.Overruns}), load mean {end.LoadMeanPercent:F1}% max {end.LoadMaxPercent:F1}%, longest callback {end.MaxCallbackNs / 1000.0:F0} us, peak voices {end.PeakVoices}, notes {end.NotesPlayed}, stolen {end.Stolen}, late {end.Late}, GCs {end.GcCount}, allocated since ready {end.AllocatedBytes} B (steady state {end.AllocatedBytes - start.AllocatedBytes} B)");
            string[] reports = [.. clients.Select(c => c.StandardOutput.ReadToEnd().Trim())];
            foreach (string report in reports) output.WriteLine(report);
            Assert.Equal(0, end.GcCount);
            // The server's figure is GC.GetTotalAllocatedBytes(precise: false), counted in 8 KB
            // allocation contexts: allow one context, report the figure (the target is 0 GCs).
            Assert.True(end.AllocatedBytes - start.AllocatedBytes <= 8192 + 1024, $"{end.AllocatedBytes - start.AllocatedBytes} bytes allocated in steady state");
            // ~22 500 on time; a loaded machine skips some, never most.
            Assert.True(end.Callbacks - start.Callbacks > 10_000, $"only {end.Callbacks - start.Callbacks} callbacks in ~30 s");
            Assert.True(end.PeakVoices >= 12, $"peak voices {end.PeakVoices}: the pools never filled");
            // Xruns and overruns (wall time, preemption included) are reported above, not asserted.
            // The mean load is bounded generously: a few % on a quiet machine.
            Assert.True(end.LoadMeanPercent < 50, $"mean callback load {end.LoadMeanPercent:F1}% of the period");
            Assert.Equal(0, clients.Sum(c => c.ExitCode));
        }
        finally
        {
            foreach (Process client in clients)
            {
                if (!client.HasExited) client.Kill();
                client.Dispose();
            }
        }
    }
}
