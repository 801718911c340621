using HapticShm.Shared.Protocol;

namespace HapticShm.Cli.Midi;

/// <summary>Whole-file conversion and releasing what is still sounding.</summary>
public sealed partial class MidiToCommands
{
    /// <summary>Converts a whole file, starting at <paramref name="startNs"/> on the monotonic clock.
    /// At one tick, channel messages (bend, pressure, controllers) go before note messages, on
    /// any track: a bend written at a note-on's tick is that note's initial state, as in the plugin.</summary>
    public static List<Command> ConvertFile(MidiFile file, long startNs)
    {
        ArgumentNullException.ThrowIfNull(file);
        var converter = new MidiToCommands();
        IReadOnlyList<MidiChannelEvent> events = file.Events;
        var commands = new List<Command>(events.Count);
        Span<Command> buffer = stackalloc Command[MaxCommandsPerMessage];
        for (int first = 0, end; first < events.Count; first = end)
        {
            end = first + 1;
            while (end < events.Count && events[end].Tick == events[first].Tick) end++;
            foreach (bool notes in (ReadOnlySpan<bool>)[false, true])
            {
                for (int e = first; e < end; e++)
                {
                    if (IsNoteMessage(events[e]) != notes) continue;
                    int count = converter.Convert(events[e], startNs, buffer);
                    for (int i = 0; i < count; i++) commands.Add(buffer[i]);
                }
            }
        }
        // A file that forgets its note-offs must not leave voices sounding after it ends.
        converter.ReleaseAll(startNs + (long)Math.Round(file.DurationSeconds * 1e9), commands);
        return commands;
    }

    private static bool IsNoteMessage(in MidiChannelEvent e) => e.Kind is MidiStatus.NoteOn or MidiStatus.NoteOff or MidiStatus.PolyPressure;

    /// <summary>Notes currently on (note-ons not yet matched by a note-off).</summary>
    public int SoundingNoteCount
    {
        get
        {
            int total = 0;
            for (int c = 0; c < Channels; c++) total += _soundingPerChannel[c];
            return total;
        }
    }

    /// <summary>Appends a note-off for every note still on (end of a file, a stopped player) and forgets them.</summary>
    public void ReleaseAll(long timestampNs, List<Command> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        for (int key = 0; key < _sounding.Length; key++)
        {
            if (_sounding[key] == 0) continue;
            output.Add(Command.NoteOff((byte)(key / 128), (byte)(key % 128), timestampNs));
            _soundingPerChannel[key / 128] -= _sounding[key];
            _sounding[key] = 0;
        }
    }
}
