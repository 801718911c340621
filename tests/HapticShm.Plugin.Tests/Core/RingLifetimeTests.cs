using System.Diagnostics;
using HapticShm.Plugin.Core.Input;
using HapticShm.Plugin.Core.Processing;
using HapticShm.Plugin.Tests.Host;
using HapticShm.Shared.Protocol;
using HapticShm.Shared.Ring;

namespace HapticShm.Plugin.Tests.Core;

/// <summary>A withdrawn ring is never unmapped while a block can still write into it, and a block
/// that throws still closes its epoch.</summary>
public sealed class RingLifetimeTests(ITestOutputHelper output) : IDisposable
{
    private const long BlockStart = 1_000_000_000;
    // The connect burst: every engine parameter.
    private const int ConnectBurst = 5;
    private readonly TempRing _server = new();
    private readonly PluginProcessor _processor = new();

    [Fact]
    public void Block_ThatThrowsInsideTryFinally_ClosesItsEpochSoADetachUnmapsAtOnce()
    {
        CommandRing client = CommandRing.Open(_server.Path);
        _processor.AttachRing(client.Producer);

        // As HapticComponent.Process does it: reading the host's input throws half-way.
        Assert.Throws<InvalidOperationException>(BlockThatThrows);

        _processor.RetireRing(client.Producer, client);
        Assert.Equal(0, _processor.RetiredRingCount); // unmapped at once, not parked
        Assert.Equal(1, ProcessMaps.CountOf(_server.Path)); // only the server side's mapping is left
        List<Command> commands = _server.Drain();
        Assert.Equal(ConnectBurst + 1, commands.Count);
        Assert.Equal(commands.Count, _processor.SentCommands);
        Assert.Equal(0, _processor.DroppedCommands);
    }

    [Fact]
    public void Block_AbandonedWithoutEndBlock_ParksTheRingUntilTheNextBlockClosesTheEpoch()
    {
        CommandRing client = CommandRing.Open(_server.Path);
        _processor.AttachRing(client.Producer);
        _processor.BeginBlock(BlockStart); // and never EndBlock: an exception escaped it

        _processor.RetireRing(client.Producer, client);
        Assert.Equal(1, _processor.RetiredRingCount);
        Assert.Equal(2, ProcessMaps.CountOf(_server.Path));

        _processor.BeginBlock(BlockStart + 1_000_000);
        _processor.AddNote(NoteInput.NoteOn(0, 0, 60, 0.5));
        _processor.EndBlock();
        Assert.Equal(0, _processor.ReleaseRetiredRings());
        Assert.Equal(1, ProcessMaps.CountOf(_server.Path));
        Assert.True(_processor.DroppedCommands >= 1, "the note of the block without a ring was not counted as dropped");
        Assert.Empty(_server.Drain()); // the abandoned block never sent, the next one had no ring
        Assert.True(_processor.DetachRing(), "the epoch stayed odd after a whole block");
    }

    [Fact]
    public void Retire_WhileABlockIsStalledTwoSeconds_ParksTheMappingTheStalledWritesLandAndItIsReleasedAfterwards()
    {
        CommandRing client = CommandRing.Open(_server.Path);
        _processor.AttachRing(client.Producer);
        using var inBlock = new ManualResetEventSlim();
        var audio = new Thread(() =>
        {
            _processor.BeginBlock(BlockStart);
            _processor.AddNote(NoteInput.NoteOn(0, 0, 60, 0.5, noteId: 7));
            inBlock.Set();
            Thread.Sleep(2000); // the host's audio thread stalls inside process()
            _processor.AddNote(NoteInput.NoteOff(10, 0, 60, noteId: 7));
            _processor.EndBlock(); // writes into the ring now
        });
        audio.Start();
        Assert.True(inBlock.Wait(5000));

        var clock = Stopwatch.StartNew();
        _processor.RetireRing(client.Producer, client);
        double retireMs = clock.Elapsed.TotalMilliseconds;
        Assert.Null(_processor.Ring);
        Assert.Equal(1, _processor.RetiredRingCount);
        Assert.Equal(1, _processor.ReleaseRetiredRings()); // the block is still running
        Assert.Equal(2, ProcessMaps.CountOf(_server.Path));

        audio.Join();
        List<Command> commands = _server.Drain();
        Assert.Equal([CommandKind.NoteOn, CommandKind.NoteOff], commands.Skip(ConnectBurst).Select(c => c.Kind));
        Assert.Equal(ConnectBurst + 2, _processor.SentCommands);
        Assert.Equal(0, _processor.ReleaseRetiredRings());
        Assert.Equal(1, ProcessMaps.CountOf(_server.Path));
        output.WriteLine($"retire during a stalled block returned after {retireMs:F2} ms (waits at most {PluginProcessor.DetachWaitMs} ms, then parks)");
        Assert.True(retireMs < 200, $"the retire took {retireMs:F0} ms: it waited for the stalled block");
    }

    private void BlockThatThrows()
    {
        _processor.BeginBlock(BlockStart);
        try
        {
            _processor.AddNote(NoteInput.NoteOn(0, 0, 60, 0.5, noteId: 1));
            throw new InvalidOperationException("host input went bad");
        }
        finally
        {
            _processor.EndBlock();
        }
    }

    public void Dispose()
    {
        _processor.DetachRing();
        _processor.ReleaseRetiredRings();
        _server.Dispose();
    }
}
