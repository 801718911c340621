using HapticShm.Shared.Protocol;

namespace HapticShm.Cli.Midi;

/// <summary>Whole-file conversion and releasing what is still sounding.</summary>
public sealed partial class MidiToCommands
{
    /// <summary>Converts a whole file, starting at <paramref name="startNs"/> on the monotonic clock.</summary>
    public static List<Command> ConvertFile(MidiFile file, long startNs)
    {
        ArgumentNullException.ThrowIfNull(file);
        var converter = new MidiToCommands();
        var commands = new List<Command>(file.Events.Count);
        Span<Command> buffer = stackalloc Command[MaxCommandsPerMessage];
        foreach (var e in file.Events)
        {
            int count = converter.Convert(e, startNs, buffer);
            for (int i = 0; i < count; i++) commands.Add(buffer[i]);
        }
        // A file that forgets its note-offs must not leave voices sounding after it ends.
        converter.ReleaseAll(startNs + (long)Math.Round(file.DurationSeconds * 1e9), commands);
        return commands;
    }

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
