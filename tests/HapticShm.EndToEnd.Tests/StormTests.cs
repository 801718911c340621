using System.Diagnostics;
using HapticShm.Shared.Status;
using Xunit.Abstractions;

namespace HapticShm.EndToEnd.Tests;

/// <summary>Full polyphony with event storms from three clients on the shipped (NativeAOT) server.</summary>
public sealed class StormTests(ITestOutputHelper output)
{
    [Fact]
    public void ThreeClientsStorming30Seconds_NoXrunsNoCollectionsNoSteadyAllocation()
    {
        using var rig = new JackRig(1, ServerProcess.BundledExecutablePath);
        var clients = new List<Process>();
        try
        {
            for (int i = 0; i < 3; i++)
                clients.Add(CliProcess.Start(rig.RuntimeDirectory, "send", "storm", "--seconds", "32", "--per-ms", "100", "--notes", "8", "--seed", $"{i + 1}"));
            Wait.Until(() => rig.Server.ReadStatus().ClientCount == 3, "all three storm clients are connected", seconds: 30);
            Thread.Sleep(1000); // connecting allocates (rings, sockets); steady state starts now
            StatusBlock start = rig.Server.ReadStatus();
            foreach (Process client in clients) Assert.True(client.WaitForExit(90_000), "a storm client did not finish");
            StatusBlock end = rig.Server.ReadStatus();

            output.WriteLine($"callbacks {end.Callbacks - start.Callbacks}, xruns {end.Xruns - start.Xruns}, load mean {end.LoadMeanPercent:F1}% max {end.LoadMaxPercent:F1}%, longest callback {end.MaxCallbackNs / 1000.0:F0} us, peak voices {end.PeakVoices}, notes {end.NotesPlayed}, stolen {end.Stolen}, late {end.Late}, GCs {end.GcCount}, allocated since ready {end.AllocatedBytes} B (steady state {end.AllocatedBytes - start.AllocatedBytes} B)");
            foreach (Process client in clients) output.WriteLine(client.StandardOutput.ReadToEnd().Trim());
            Assert.Equal(0, end.GcCount);
            Assert.Equal(0, end.AllocatedBytes - start.AllocatedBytes);
            Assert.True(end.Callbacks - start.Callbacks > 20_000, $"only {end.Callbacks - start.Callbacks} callbacks in ~30 s");
            Assert.Equal(12, end.PeakVoices);
            Assert.Equal(0, end.Xruns - start.Xruns);
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
