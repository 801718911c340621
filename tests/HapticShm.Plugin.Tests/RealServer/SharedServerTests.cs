using System.Text.Json;
using HapticShm.Plugin.Interop;
using HapticShm.Plugin.Tests.Host;
using HapticShm.Plugin.Tests.Native;

namespace HapticShm.Plugin.Tests.RealServer;

/// <summary>Two instances of the plugin (two components from one factory, as two tracks of a
/// DAW) activated together with no server running end up on one server.</summary>
[Collection(NativeHostCollection.Name)]
public sealed class SharedServerTests(PrivateBundle bundle) : IDisposable
{
    [Fact]
    public unsafe void TwoInstances_ActivatedTogether_ShareOneServer()
    {
        bundle.UseEnvironment();
        bundle.KillServers();
        using var first = new PluginInstance(bundle.Module);
        using var second = new PluginInstance(bundle.Module);
        first.Setup(48000, 64, ProcessData.kSample32);
        second.Setup(48000, 64, ProcessData.kSample32);
        first.Start(); // both connection threads race to launch a server
        second.Start();

        bundle.WaitStatus(b => PrivateBundle.OurClients(b).Count == 2, "both instances are connected");
        Wait.Until(() => bundle.ServerPids().Count == 1, "a server that lost the launch race has exited", 5);
        int server = Assert.Single(bundle.ServerPids());
        using (var note = new ProcessCall(64, ProcessData.kSample32))
        {
            note.Events.NoteOn(0, 0, 60, 0.9f, noteId: 7);
            note.Events.NoteOff(32, 0, 60, noteId: 7);
            Assert.Equal(VstResult.kResultOk, note.Run(first.Processor, out _));
            Assert.Equal(VstResult.kResultOk, note.Run(second.Processor, out _));
        }
        bundle.WaitStatus(b => b.NotesPlayed == 2, "the server played the note of each instance");

        using JsonDocument status = StatusCli.Run(bundle.RuntimeDirectory);
        JsonElement root = status.RootElement;
        Assert.Equal(server, root.GetProperty("serverPid").GetInt32());
        JsonElement[] ours = [.. root.GetProperty("clients").EnumerateArray().Where(c => c.GetProperty("pid").GetInt32() == Environment.ProcessId)];
        Assert.Equal(2, ours.Length);
        Assert.All(ours, c => Assert.Equal(PrivateBundle.ClientName, c.GetProperty("name").GetString()));
        Assert.All(ours, c => Assert.Equal(c.GetProperty("pushed").GetInt64(), c.GetProperty("popped").GetInt64()));
        Assert.All(ours, c => Assert.Equal(0, c.GetProperty("dropped").GetInt64()));
        Assert.Equal(2, root.GetProperty("notesPlayed").GetInt64());
        first.Stop();
        second.Stop();
    }

    public void Dispose() => bundle.KillServers();
}
