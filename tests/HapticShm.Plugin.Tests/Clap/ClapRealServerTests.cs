using System.Text.Json;
using HapticShm.Plugin.Clap.Interop;
using HapticShm.Plugin.Core.Parameters;
using HapticShm.Plugin.Tests.Host;
using HapticShm.Plugin.Tests.Native;
using HapticShm.Shared.Status;

namespace HapticShm.Plugin.Tests.Clap;

/// <summary>The published .clap with the server it launches from beside itself: notes with ids and
/// note expressions, MIDI-MPE, two instances on one server, a killed server relaunched.</summary>
[Collection(NativeHostCollection.Name)]
public sealed unsafe class ClapRealServerTests(ClapBundle bundle, ITestOutputHelper output) : IDisposable
{
    // The array's source plane: x = centre + bend x 0.2 m (EditorLiveTests: +24 semitones -> 0.275).
    private const float CentreX = 0.175f;
    private const float RightEdgeX = 0.375f;

    private ClapTestPlugin ActivateWithLaunchedServer()
    {
        bundle.UseEnvironment();
        bundle.KillServers();
        var plugin = new ClapTestPlugin(bundle.Module);
        try
        {
            plugin.Activate();
            bundle.WaitStatus(b => ClapBundle.OurClients(b).Count == 1, "the CLAP plugin launched its server (beside the .clap) and connected");
            return plugin;
        }
        catch
        {
            plugin.Dispose();
            throw;
        }
    }

    [Fact]
    public void NotesWithIdsAndExpressions_ReachTheServer_TuningMovesTheSource()
    {
        using ClapTestPlugin plugin = ActivateWithLaunchedServer();
        plugin.Events.ParamValue(0, ParameterIds.Release, 0.0);
        plugin.Events.NoteOn(1, noteId: 41, channel: 0, key: 60, velocity: 0.3); // soft: a travelling wave
        plugin.Events.NoteOn(2, noteId: 42, channel: 0, key: 64, velocity: 0.3);
        plugin.Events.Expression(3, ClapEventNoteExpression.Tuning, noteId: 41, channel: 0, key: 60, value: 48);
        plugin.Events.Expression(3, ClapEventNoteExpression.Tuning, noteId: 42, channel: 0, key: 64, value: -24);
        plugin.Events.Expression(4, ClapEventNoteExpression.Pressure, noteId: 41, channel: 0, key: 60, value: 0.7);
        plugin.Events.Expression(4, ClapEventNoteExpression.Brightness, noteId: 41, channel: 0, key: 60, value: 1.0);
        Assert.Equal(ClapProcessStatus.Continue, plugin.Process());
        Assert.True(plugin.Block.OutputIsSilent(), "the audio output must be silent and marked constant");

        StatusBlock sounding = WaitSources(plugin, b => b.VoiceSourceCount == 2, "both notes sound");
        float[] xs = [sounding.VoiceSource(0).X, sounding.VoiceSource(1).X];
        Array.Sort(xs);
        output.WriteLine($"sources x: {xs[0]:F4}, {xs[1]:F4}");
        Assert.Equal(CentreX - 0.5f * 0.2f, xs[0], 3); // -24 semitones: half the bend range left
        Assert.Equal(RightEdgeX, xs[1], 3);             // +48 semitones: the +x edge

        // Note-off by note id alone (key and channel wildcards), then by key without an id.
        plugin.Events.NoteOff(0, noteId: 41, channel: -1, key: -1);
        plugin.Events.NoteOff(1, noteId: -1, channel: 0, key: 64);
        Assert.Equal(ClapProcessStatus.Continue, plugin.Process());
        plugin.Idle(50);
        bundle.WaitStatus(b => b.NotesPlayed == 2 && ClapBundle.OurClients(b)[0].Popped == ClapBundle.OurClients(b)[0].Pushed, "the server took every command");
        WaitSources(plugin, b => b.ActiveVoices == 0, "both notes end");

        using JsonDocument status = StatusCli.Run(bundle.RuntimeDirectory);
        JsonElement ours = Assert.Single(status.RootElement.GetProperty("clients").EnumerateArray(), c => c.GetProperty("pid").GetInt32() == Environment.ProcessId);
        Assert.Equal(ClapBundle.ClientName, ours.GetProperty("name").GetString());
        Assert.Equal(0, ours.GetProperty("dropped").GetInt64());
        Assert.Equal(ours.GetProperty("pushed").GetInt64(), ours.GetProperty("popped").GetInt64());
        Assert.Equal(2, status.RootElement.GetProperty("notesPlayed").GetInt64());
        Assert.Equal(0, status.RootElement.GetProperty("rejected").GetInt64());
        plugin.Deactivate();
        Assert.Empty(plugin.Host.Violations);
    }

    [Fact]
    public void MidiMpe_ChannelBendBeforeTheNoteOn_IsTheNotesInitialPosition()
    {
        using ClapTestPlugin plugin = ActivateWithLaunchedServer();
        // Member channel 3: bend to the top (+48 semitones in MPE), then the note at the same offset.
        plugin.Events.Midi(5, 0xE2, 0x7F, 0x7F);
        plugin.Events.Midi(5, 0x92, 62, 30);
        Assert.Equal(ClapProcessStatus.Continue, plugin.Process());
        StatusBlock sounding = WaitSources(plugin, b => b.VoiceSourceCount == 1, "the MIDI note sounds");
        Assert.Equal(RightEdgeX, sounding.VoiceSource(0).X, 3);
        plugin.Events.Midi(0, 0x82, 62, 0);
        Assert.Equal(ClapProcessStatus.Continue, plugin.Process());
        bundle.WaitStatus(b => b.NotesPlayed == 1, "the server played the MIDI note");
        plugin.Deactivate();
        Assert.Empty(plugin.Host.Violations);
    }

    [Fact]
    public void ActiveButCalledOffTheAudioThread_ProcessIsRefused_NothingSent()
    {
        using ClapTestPlugin plugin = ActivateWithLaunchedServer();
        plugin.Events.NoteOn(0, 1, 0, 60, 0.8);
        Assert.Equal(ClapProcessStatus.Error, plugin.Block.Run(plugin.Plugin, plugin.Events)); // the test's (main) thread
        plugin.Events.Clear();
        plugin.Idle(200); // blocks on the audio thread go on: a note that had been queued would be played
        StatusBlock after = bundle.WaitStatus(b => ClapBundle.OurClients(b).Count == 1 && ClapBundle.OurClients(b)[0].Popped == ClapBundle.OurClients(b)[0].Pushed, "the server took every command");
        Assert.Equal(0, after.ActiveVoices);
        Assert.Equal(0, after.NotesPlayed);
        plugin.Deactivate();
        Assert.Empty(plugin.Host.Violations);
    }

    [Fact]
    public void TwoInstances_ActivatedTogether_ShareOneServer()
    {
        bundle.UseEnvironment();
        bundle.KillServers();
        using var first = new ClapTestPlugin(bundle.Module);
        using var second = new ClapTestPlugin(bundle.Module);
        first.Activate(); // both connection threads race to launch a server
        second.Activate();
        bundle.WaitStatus(b => ClapBundle.OurClients(b).Count == 2, "both instances are connected");
        Wait.Until(() => bundle.ServerPids().Count == 1, "a server that lost the launch race has exited", 5);
        int server = Assert.Single(bundle.ServerPids());
        foreach (ClapTestPlugin plugin in new[] { first, second })
        {
            plugin.Events.NoteOn(0, 7, 0, 60, 0.9);
            plugin.Events.NoteOff(32, 7, 0, 60);
            Assert.Equal(ClapProcessStatus.Continue, plugin.Process());
        }
        StatusBlock status = bundle.WaitStatus(b => b.NotesPlayed == 2, "the server played the note of each instance");
        Assert.Equal(server, status.ServerPid);
        first.Deactivate();
        second.Deactivate();
        Assert.Empty(first.Host.Violations);
        Assert.Empty(second.Host.Violations);
    }

    [Fact]
    public void KilledServer_IsRelaunched_AndHeldNotesSoundAgain()
    {
        using ClapTestPlugin plugin = ActivateWithLaunchedServer();
        int firstServer = Assert.Single(bundle.ServerPids());
        plugin.Events.NoteOn(0, 100, 1, 60, 0.3); // soft: travelling waves, whose source follows the bend
        plugin.Events.NoteOn(8, 101, 1, 64, 0.3);
        plugin.Events.Expression(9, ClapEventNoteExpression.Tuning, 101, 1, 64, 48);
        Assert.Equal(ClapProcessStatus.Continue, plugin.Process());
        WaitSources(plugin, b => b.ServerPid == firstServer && b.ActiveVoices >= 2, "the held notes sound");

        Signals.Kill(firstServer);
        int secondServer = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (secondServer == 0 && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            plugin.Idle(5);
            secondServer = bundle.ServerPids().FirstOrDefault(pid => pid != firstServer);
        }
        Assert.True(secondServer != 0, "the plugin launched no new server within 10 s of the kill");
        StatusBlock again = WaitSources(plugin, b => b.ServerPid == secondServer && ClapBundle.OurClients(b).Count == 1 && b.ActiveVoices >= 2 && b.VoiceSourceCount == 2,
            "the held notes sound again on the new server");
        output.WriteLine($"held notes sounding again {clock.ElapsedMilliseconds} ms after the kill");
        float[] xs = [again.VoiceSource(0).X, again.VoiceSource(1).X];
        Array.Sort(xs);
        Assert.Equal(CentreX, xs[0], 3);
        Assert.Equal(RightEdgeX, xs[1], 3); // re-sent with its latest expression
        plugin.Deactivate();
        Assert.Empty(plugin.Host.Violations);
    }

    /// <summary>Keeps processing (heartbeats) until the status block satisfies <paramref name="condition"/>.</summary>
    private StatusBlock WaitSources(ClapTestPlugin plugin, Func<StatusBlock, bool> condition, string what)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            plugin.Idle(5);
            if (bundle.TryReadStatus(out StatusBlock block) && condition(block)) return block;
            if (clock.Elapsed > TimeSpan.FromSeconds(30)) Assert.Fail($"timed out after 30 s waiting until {what}\n{bundle.ServerLog()}");
        }
    }

    public void Dispose() => bundle.KillServers();
}
