using HapticShm.Plugin.Core.Input;
using HapticShm.Plugin.Core.Parameters;
using HapticShm.Plugin.Core.Processing;
using HapticShm.Plugin.Core.Timing;
using HapticShm.Plugin.Tests.Host;
using HapticShm.Shared.Protocol;

namespace HapticShm.Plugin.Tests.Core;

/// <summary>The processor fed host blocks with a ProcessContext: the haptic offset, the release of
/// held notes at a loop wrap or a stop, and offline mode.</summary>
public sealed class PluginProcessorTimingTests : IDisposable
{
    private const double SampleRate = 48000;
    private const int BlockSize = 256;
    private const long Start = 2_000_000_000;
    private static readonly long BlockNs = (long)Math.Round(BlockSize * 1e9 / SampleRate);
    private readonly TempRing _ring = new();
    private readonly PluginProcessor _processor = new();
    private long _now = Start;
    private long _continuous;

    public PluginProcessorTimingTests()
    {
        _processor.SetSampleRate(SampleRate);
        _processor.AttachRing(_ring.Ring.Producer);
        Run(Block(projectTime: 0, playing: false));
        _ring.Drain(); // the initial parameter burst
    }

    /// <summary>The next block of a steady host: continuous time and the clock advance by one block.</summary>
    private HostBlock Block(long projectTime, bool playing, HostProcessMode mode = HostProcessMode.Realtime)
    {
        var block = HostBlock.Bare(_now, BlockSize);
        block.Mode = mode;
        block.SampleRate = SampleRate;
        block.HasContinuousTime = true;
        block.ContinuousTimeSamples = _continuous;
        block.HasTransport = true;
        block.IsPlaying = playing;
        block.ProjectTimeSamples = projectTime;
        _now += BlockNs;
        _continuous += BlockSize;
        return block;
    }

    private void Run(in HostBlock block, params NoteInput[] notes)
    {
        _processor.BeginBlock(block);
        foreach (NoteInput note in notes) _processor.AddNote(note);
        _processor.EndBlock();
    }

    [Fact]
    public void HapticOffset_IsAddedToEveryTimestamp()
    {
        _processor.BeginBlock(Start);
        _processor.AddNote(NoteInput.NoteOn(48, 0, 60, 0.5, noteId: 1));
        _processor.EndBlock();
        PluginParameter offset = PluginParameters.All[PluginParameters.IndexOf(ParameterIds.HapticOffset)];
        _processor.BeginBlock(Start + 1_000_000_000);
        _processor.AddParameterPoint(ParameterIds.HapticOffset, 0, offset.ToNormalized(120));
        _processor.AddNote(NoteInput.NoteOff(48, 0, 60, noteId: 1));
        _processor.EndBlock();

        List<Command> commands = _ring.Drain();
        Assert.Equal([CommandKind.NoteOn, CommandKind.NoteOff], commands.Select(c => c.Kind));
        long at48 = (long)(48 * 1e9 / SampleRate);
        Assert.Equal(Start + at48, commands[0].TimestampNs);
        Assert.Equal(Start + 1_000_000_000 + at48 + 120_000_000, commands[1].TimestampNs);
        Assert.Equal((-50.0, 500.0, 0.0, "ms"), (offset.Min, offset.Max, offset.DefaultPlain, offset.Units));
    }

    [Fact]
    public void HapticOffset_Lowered_NeverStampsBeforeAnEarlierCommand()
    {
        PluginParameter offset = PluginParameters.All[PluginParameters.IndexOf(ParameterIds.HapticOffset)];
        _processor.BeginBlock(Start);
        _processor.AddParameterPoint(ParameterIds.HapticOffset, 0, offset.ToNormalized(500));
        _processor.AddNote(NoteInput.NoteOn(10, 0, 60, 0.5, noteId: 1));
        _processor.AddParameterPoint(ParameterIds.HapticOffset, 20, offset.ToNormalized(-50));
        _processor.AddNote(NoteInput.NoteOff(30, 0, 60, noteId: 1));
        _processor.EndBlock();

        List<Command> commands = _ring.Drain();
        Assert.Equal([CommandKind.NoteOn, CommandKind.NoteOff], commands.Select(c => c.Kind));
        Assert.Equal(commands[0].TimestampNs, commands[1].TimestampNs); // held at the note-on's time, not 550 ms before it
    }

    [Fact]
    public void LoopWrap_ReleasesNotesHeldFromBeforeTheJump_NotOnesStartedAfterIt()
    {
        Run(Block(projectTime: 0, playing: true), NoteInput.NoteOn(100, 0, 60, 0.8, noteId: 1));
        Run(Block(projectTime: BlockSize, playing: true));
        // The loop end cut note 60 without a note-off; the next block starts the loop again.
        Run(Block(projectTime: 0, playing: true), NoteInput.NoteOn(0, 0, 60, 0.8, noteId: 2), NoteInput.NoteOn(5, 0, 62, 0.8, noteId: 3));

        List<Command> commands = _ring.Drain();
        Assert.Equal([(CommandKind.NoteOn, 1), (CommandKind.NoteOff, 1), (CommandKind.NoteOn, 2), (CommandKind.NoteOn, 3)],
            commands.Select(c => (c.Kind, c.NoteId)));
        Assert.Equal(commands[2].TimestampNs, commands[1].TimestampNs); // released at the new block's start
        Assert.Equal(2, _processor.HeldNoteCount);
        Assert.Equal(1, _processor.TransportReleases);
    }

    [Fact]
    public void TransportStop_ReleasesHeldNotes_AndPlayingOnDoesNot()
    {
        Run(Block(projectTime: 1000, playing: true), NoteInput.NoteOn(0, 1, 60, 0.8, noteId: 1), NoteInput.NoteOn(0, 1, 64, 0.8, noteId: 2));
        Run(Block(projectTime: 1000 + BlockSize, playing: true));
        Run(Block(projectTime: 1000 + 2 * BlockSize, playing: true));
        Assert.Equal(2, _processor.HeldNoteCount);
        Assert.Equal(0, _processor.TransportReleases);

        Run(Block(projectTime: 1000 + 3 * BlockSize, playing: false));

        List<Command> commands = _ring.Drain();
        Assert.Equal([CommandKind.NoteOn, CommandKind.NoteOn, CommandKind.NoteOff, CommandKind.NoteOff], commands.Select(c => c.Kind));
        Assert.Equal([1, 2], commands.Skip(2).Select(c => c.NoteId));
        Assert.Equal(0, _processor.HeldNoteCount);
    }

    [Fact]
    public void LiveNotesWhileStopped_AreNotReleasedByTheStoppedTransport()
    {
        Run(Block(projectTime: 0, playing: false), NoteInput.NoteOn(0, 0, 60, 0.8, noteId: 1));
        Run(Block(projectTime: 0, playing: false));
        Run(Block(projectTime: 0, playing: true));
        Run(Block(projectTime: BlockSize, playing: true));

        Assert.Equal(1, _processor.HeldNoteCount);
        Assert.Equal([CommandKind.NoteOn], _ring.Drain().Select(c => c.Kind));
    }

    [Fact]
    public void Offline_SendsNothing_ReleasesWhatSoundedBefore_AndResyncsAfter()
    {
        Run(Block(projectTime: 0, playing: false), NoteInput.NoteOn(0, 0, 60, 0.8, noteId: 1));
        Assert.Single(_ring.Drain());

        // A bounce: the live note stops, the bounce's notes and parameters are not sent.
        Run(Block(projectTime: 0, playing: true, HostProcessMode.Offline), NoteInput.NoteOn(10, 0, 72, 0.8, noteId: 9));
        _processor.BeginBlock(Block(projectTime: BlockSize, playing: true, HostProcessMode.Offline));
        _processor.AddParameterPoint(ParameterIds.WaveSpeed, 0, 1.0);
        _processor.AddNote(NoteInput.NoteOff(3, 0, 72, noteId: 9));
        _processor.AddNote(NoteInput.NoteOn(4, 0, 74, 0.8, noteId: 10)); // still held when the bounce ends
        _processor.EndBlock();
        Assert.True(_processor.IsOffline);
        List<Command> during = _ring.Drain();
        Assert.Equal([(CommandKind.NoteOff, 1)], during.Select(c => (c.Kind, c.NoteId)));
        Assert.Equal(4, _processor.SkippedOfflineCommands); // note-on 9, the param, note-off 9, note-on 10

        // Back to real time: every engine parameter again (wave speed at its new value), no bounce notes.
        Run(Block(projectTime: 0, playing: false));
        List<Command> after = _ring.Drain();
        Assert.False(_processor.IsOffline);
        Assert.All(after, c => Assert.Equal(CommandKind.Param, c.Kind));
        Assert.Contains(after, c => c.ParamId == ParamId.WaveSpeed && c.ParamValue == 500f);
        Assert.Equal(0, _processor.HeldNoteCount);
    }

    [Fact]
    public void HostBlocks_SteadyHost_StampsFollowTheFittedLine()
    {
        for (int i = 0; i < 10; i++) Run(Block(projectTime: i * BlockSize, playing: true));
        long blockStart = _now;
        Run(Block(projectTime: 10 * BlockSize, playing: true), NoteInput.NoteOn(128, 0, 60, 0.8, noteId: 1));

        Command noteOn = Assert.Single(_ring.Drain());
        long expected = blockStart + (long)Math.Round(128 * 1e9 / SampleRate);
        Assert.InRange(noteOn.TimestampNs, expected - 10, expected + 10); // the test host steps whole nanoseconds
        Assert.Equal(1, _processor.Clock.Anchors);
    }

    public void Dispose() => _ring.Dispose();
}
