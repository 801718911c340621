using System.Text.Json;
using HapticShm.Plugin.Core.Parameters;
using HapticShm.Plugin.Interop;
using HapticShm.Plugin.Tests.Host;
using HapticShm.Plugin.Tests.Native;
using HapticShm.Shared.Status;

namespace HapticShm.Plugin.Tests.RealServer;

/// <summary>With no server running, setActive(true) launches the bundled server and everything
/// the host plays - notes, per-note and MIDI-mapped MPE, a parameter change - reaches it.</summary>
[Collection(NativeHostCollection.Name)]
public sealed class LaunchedServerTests(PrivateBundle bundle) : IDisposable
{
    // The connect burst: every engine parameter (wave speed, routing, ceiling, attack, release).
    private const int ConnectBurst = 5;

    [Fact]
    public unsafe void SetActive_NoServer_LaunchesOneAndNotesMpeAndParametersArrive()
    {
        using PluginInstance plugin = bundle.ActivateWithLaunchedServer(64, out StatusBlock connected);
        Assert.Equal(Assert.Single(bundle.ServerPids()), connected.ServerPid);

        using var play = new ProcessCall(64, ProcessData.kSample32);
        play.Events.NoteOn(0, 1, 60, 0.8f, noteId: 21);
        play.Events.NoteOn(32, 2, 64, 0.7f, noteId: -1); // no host note id: a synthetic one
        play.Events.Expression(40, NoteExpressionTypeInfo.kTuningTypeID, 21, 0.5 + 2.0 / 240.0); // +2 semitones
        play.Parameters.Add(ParameterIds.Midi(2, MidiControl.PitchBend), 10, 0.6);
        play.Parameters.Add(ParameterIds.Midi(2, MidiControl.Pressure), 20, 0.5);
        play.Parameters.Add(ParameterIds.Midi(2, MidiControl.Timbre), 30, 0.4);
        play.Parameters.Add(ParameterIds.WaveSpeed, 48, 0.25);
        using var release = new ProcessCall(64, ProcessData.kSample32);
        release.Events.NoteOff(0, 1, 60, noteId: 21);
        release.Events.NoteOff(8, 2, 64, noteId: -1);
        using var idle = new ProcessCall(64, ProcessData.kSample32);

        Assert.Equal(VstResult.kResultOk, play.Run(plugin.Processor, out _));
        bundle.WaitStatus(b => b.ActiveVoices >= 2, "both notes sound");
        Assert.Equal(VstResult.kResultOk, release.Run(plugin.Processor, out _));
        int points = play.Parameters.Queues.Sum(q => q.Points.Count);
        long expected = ConnectBurst + play.Events.Events.Count + points + release.Events.Events.Count;
        bundle.WaitStatus(b => PrivateBundle.OurClients(b)[0].Popped >= expected, $"the server pops {expected} commands");
        Assert.Equal(VstResult.kResultOk, idle.Run(plugin.Processor, out _)); // a fresh heartbeat

        using JsonDocument status = StatusCli.Run(bundle.RuntimeDirectory);
        JsonElement root = status.RootElement;
        Assert.Equal(connected.ServerPid, root.GetProperty("serverPid").GetInt32());
        JsonElement client = Assert.Single(root.GetProperty("clients").EnumerateArray(), c => c.GetProperty("pid").GetInt32() == Environment.ProcessId);
        Assert.Equal(PrivateBundle.ClientName, client.GetProperty("name").GetString());
        Assert.Equal(expected, client.GetProperty("pushed").GetInt64());
        Assert.Equal(expected, client.GetProperty("popped").GetInt64());
        Assert.Equal(0, client.GetProperty("dropped").GetInt64());
        Assert.Equal(0, client.GetProperty("rejected").GetInt64());
        Assert.Equal(2, root.GetProperty("notesPlayed").GetInt64());
        Assert.Equal(0, root.GetProperty("rejected").GetInt64());
        plugin.Stop();
    }

    public void Dispose() => bundle.KillServers();
}
