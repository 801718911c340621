using HapticShm.Cli.Midi;

namespace HapticShm.Cli.Tests;

public sealed class DemoSequenceTests
{
    [Fact]
    public void Build_ParsesCleanlyAsAnEightSecondFormat1File()
    {
        var midi = MidiFile.Parse(DemoSequence.Build(), "demo.mid");

        Assert.Empty(midi.Warnings);
        Assert.Equal(1, midi.Format);
        Assert.Equal(2, midi.TrackCount);
        Assert.Equal(DemoSequence.DurationSeconds, midi.DurationSeconds, 3);
    }

    [Fact]
    public void Build_NotesStayInTheTactileRange()
    {
        var notes = MidiFile.Parse(DemoSequence.Build(), "demo.mid").Events.Where(e => e.IsNoteOn).ToList();

        Assert.NotEmpty(notes);
        Assert.All(notes, n => Assert.InRange(n.Data1, (byte)30, (byte)60));
        Assert.Contains(notes, n => n.Data2 >= 64); // a standing wave under the default routing
        Assert.Contains(notes, n => n.Data2 < 64);  // travelling waves
    }

    [Fact]
    public void Build_ConfiguresAnMpeLowerZoneAndSweepsTheSource()
    {
        var events = MidiFile.Parse(DemoSequence.Build(), "demo.mid").Events;

        var converter = new MidiToCommands();
        var buffer = new HapticShm.Shared.Protocol.Command[MidiToCommands.MaxCommandsPerMessage];
        foreach (var e in events) converter.Convert(e, 0, buffer);
        Assert.True(converter.Zones.IsConfigured);
        Assert.True(events.Count(e => e.Kind == MidiStatus.PitchBend) > 100, "a smooth sweep needs many bend steps");
        Assert.True(events.Count(e => e.Kind == MidiStatus.ControlChange && e.Data1 == 74) > 100, "CC74 moves the source too");
    }
}
