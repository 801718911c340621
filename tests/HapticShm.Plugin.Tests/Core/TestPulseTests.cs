using HapticShm.Plugin.Core.Parameters;
using HapticShm.Plugin.Core.Processing;
using HapticShm.Plugin.Tests.Host;
using HapticShm.Shared.Protocol;

namespace HapticShm.Plugin.Tests.Core;

/// <summary>The editor's click-to-feel: a pulse through the same ring as the host's notes.</summary>
public sealed class TestPulseTests : IDisposable
{
    private const long BlockStart = 2_000_000_000;
    private readonly TempRing _ring = new();
    private readonly PluginProcessor _processor = new();

    public TestPulseTests()
    {
        _processor.AttachRing(_ring.Ring.Producer);
        RunBlock(BlockStart - 10_000_000);
        _ring.Drain(); // the initial parameter burst
    }

    private void RunBlock(long blockStart)
    {
        _processor.BeginBlock(blockStart);
        _processor.EndBlock();
    }

    [Fact]
    public void RequestTestPulse_NextBlockPushesANoteAtThatSourceAndItsNoteOff()
    {
        _processor.RequestTestPulse(0.625f, 0.5625f, 0.4f);
        RunBlock(BlockStart);
        RunBlock(BlockStart + 1_333_333); // once only

        List<Command> commands = _ring.Drain();
        Assert.Equal(2, commands.Count);
        Command on = commands[0], off = commands[1];
        Assert.Equal(CommandKind.NoteOn, on.Kind);
        Assert.Equal(0.625f, on.PitchBend);
        Assert.Equal(0.5625f, on.Timbre);
        Assert.Equal(0.4f, on.Velocity);
        Assert.Equal(BlockStart, on.TimestampNs);
        Assert.Equal(PluginProcessor.TestPulseNoteId, on.NoteId);
        Assert.True(CommandValidator.IsValid(on));
        Assert.Equal(CommandKind.NoteOff, off.Kind);
        Assert.Equal(PluginProcessor.TestPulseNoteId, off.NoteId);
        Assert.Equal(BlockStart + PluginProcessor.TestPulseDurationNs, off.TimestampNs);
    }

    [Fact]
    public void RequestTestPulse_IsStampedThroughTheHapticOffset()
    {
        // Haptic offset 40 ms (range -50..500 ms): the pulse sounds 40 ms after the block, like a host's note.
        double offset = PluginParameters.All[PluginParameters.IndexOf(ParameterIds.HapticOffset)].ToNormalized(40);
        _processor.BeginBlock(BlockStart);
        _processor.AddParameterPoint(ParameterIds.HapticOffset, 0, offset);
        _processor.EndBlock();
        _ring.Drain();
        _processor.RequestTestPulse(0f, 0.5f, 0.5f);
        RunBlock(BlockStart + 1_000_000);
        List<Command> commands = _ring.Drain();
        Assert.Equal(BlockStart + 1_000_000 + 40_000_000, commands[0].TimestampNs);
        Assert.Equal(BlockStart + 1_000_000 + 40_000_000 + PluginProcessor.TestPulseDurationNs, commands[1].TimestampNs);
    }

    [Fact]
    public void RequestTestPulse_OutOfRangeValues_AreClampedIntoAValidCommand()
    {
        _processor.RequestTestPulse(float.NaN, 7f, 2f);
        RunBlock(BlockStart);
        Command on = _ring.Drain()[0];
        Assert.Equal(0f, on.PitchBend);
        Assert.Equal(1f, on.Timbre);
        Assert.Equal(1f, on.Velocity);
        Assert.True(CommandValidator.IsValid(on));
    }

    [Fact]
    public void RequestTestPulse_AllocatesNothingOnEitherSide()
    {
        _processor.RequestTestPulse(0f, 0.5f, 0.5f);
        RunBlock(BlockStart);
        _ring.Drain();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            _processor.RequestTestPulse(i / 100f, 0.5f, 0.5f);
            RunBlock(BlockStart + i * 1_000_000L);
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.Equal(200, _ring.Drain().Count);
    }

    public void Dispose() => _ring.Dispose();
}
