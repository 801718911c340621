using HapticShm.Cli.Midi;
using HapticShm.Shared.Protocol;

namespace HapticShm.Cli.Render;

/// <summary>Reads a MIDI file (or the built-in demo) into commands stamped from 0, reporting warnings.</summary>
internal static class MidiInput
{
    public const string DemoName = "demo sequence";

    public static MidiFile Read(string? path) =>
        path is null ? MidiFile.Parse(DemoSequence.Build(), DemoName) : MidiFile.Read(path);

    public static List<Command> ToCommands(MidiFile file)
    {
        foreach (string warning in file.Warnings) Console.Error.WriteLine($"warning: {warning}");
        // OrderBy is stable: a note-off and a note-on at the same time keep their file order.
        return [.. MidiToCommands.ConvertFile(file, 0).OrderBy(c => c.TimestampNs)];
    }
}
