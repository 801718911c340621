using System.Diagnostics;
using HapticShm.Plugin.Core.Connection;
using HapticShm.Plugin.Core.Input;
using HapticShm.Plugin.Core.Processing;
using HapticShm.Plugin.Tests.Host;
using HapticShm.Shared.Protocol;
using HapticShm.Shared.Ring;

namespace HapticShm.Plugin.Tests.Core;

public sealed class RingConnectionTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);
    private readonly TempRuntimeDirectory _dir = new();
    private readonly PluginProcessor _processor = new();

    [Fact]
    public void Start_ServerWelcomes_AttachesItsRingAndCommandsArrive()
    {
        using var server = new FakeServer(_dir.Path);
        using var connection = new RingConnection(_processor, server.SocketPath);
        connection.Start();

        Assert.True(Wait.Until(() => _processor.Ring is not null, Deadline), "no ring attached: " + connection.LastError);
        _processor.BeginBlock();
        _processor.AddNote(NoteInput.NoteOn(0, 0, 60, 0.5, noteId: 3));
        _processor.EndBlock();

        CommandRing ring = server.LatestRing!;
        Assert.Equal(ring.Path, _processor.Ring!.Ring.Path);
        var kinds = new List<CommandKind>();
        while (ring.Consumer.TryPop(out Command command)) kinds.Add(command.Kind);
        Assert.Contains(CommandKind.NoteOn, kinds);
        Assert.Contains(CommandKind.Param, kinds);
    }

    [Fact]
    public void ServerDropsClient_RingIsWithdrawnQuicklyAndTheHeldNoteReachesTheNewSession()
    {
        using var server = new FakeServer(_dir.Path);
        using var connection = new RingConnection(_processor, server.SocketPath);
        connection.Start();
        Assert.True(Wait.Until(() => _processor.Ring is not null, Deadline), "no ring attached: " + connection.LastError);
        RingProducer first = _processor.Ring!;
        _processor.BeginBlock();
        _processor.AddNote(NoteInput.NoteOn(0, 2, 50, 0.6, noteId: 77));
        _processor.EndBlock();

        var noticed = Stopwatch.StartNew();
        server.DropClients();
        Assert.True(Wait.Until(() => !ReferenceEquals(_processor.Ring, first), Deadline), "the dead session's ring stayed attached");
        noticed.Stop();
        Assert.True(noticed.Elapsed < TimeSpan.FromMilliseconds(1000), $"noticed after {noticed.ElapsedMilliseconds} ms (target 250 ms)");
        output.WriteLine($"server loss noticed after {noticed.Elapsed.TotalMilliseconds:F1} ms");
        var reconnect = Stopwatch.StartNew();

        Assert.True(Wait.Until(() => _processor.Ring is not null && connection.Connections == 2, Deadline), "no reconnect: " + connection.LastError);
        output.WriteLine($"reconnected {reconnect.Elapsed.TotalMilliseconds:F1} ms later");
        _processor.BeginBlock();
        _processor.EndBlock();
        var resent = new List<Command>();
        while (server.LatestRing!.Consumer.TryPop(out Command command)) resent.Add(command);
        Command noteOn = Assert.Single(resent, c => c.Kind == CommandKind.NoteOn);
        Assert.Equal(77, noteOn.NoteId);
    }

    [Fact]
    public void Start_NoServer_AsksTheLauncherOnceAndCountsDrops()
    {
        int launches = 0;
        using var connection = new RingConnection(_processor, Path.Combine(_dir.Path, "nobody.sock"), () =>
        {
            Interlocked.Increment(ref launches);
            return true;
        });
        connection.Start();
        Assert.True(Wait.Until(() => Volatile.Read(ref launches) == 1, Deadline));
        Thread.Sleep(300);

        _processor.BeginBlock();
        _processor.AddNote(NoteInput.NoteOn(0, 0, 60, 0.5));
        _processor.EndBlock();

        Assert.Equal(1, Volatile.Read(ref launches));
        Assert.Null(_processor.Ring);
        Assert.True(_processor.DroppedCommands >= 1);
        Assert.NotNull(connection.LastError);
    }

    public void Dispose()
    {
        _dir.Dispose();
    }
}
