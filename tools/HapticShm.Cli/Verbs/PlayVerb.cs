using System.CommandLine;
using HapticShm.Cli.Client;
using HapticShm.Cli.Midi;
using HapticShm.Cli.Render;
using HapticShm.Shared.Handshake;

namespace HapticShm.Cli.Verbs;

/// <summary><c>hapticshm play FILE.mid</c>: a client that plays the file in real time through its ring.</summary>
internal static class PlayVerb
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "A Standard MIDI File (format 0, 1 or 2)." };
        var play = new Command("play", "Play a MIDI file on the running server, in real time, the way the plugin would.") { file };
        play.SetAction((result, cancel) => Task.FromResult(Run(result.GetValue(file), cancel)));
        return play;
    }

    /// <summary>Plays <paramref name="path"/> (null: the built-in demo sequence).</summary>
    public static int Run(string? path, CancellationToken cancel)
    {
        try
        {
            var commands = MidiInput.ToCommands(MidiInput.Read(path));
            using var sender = new CommandSender($"hapticshm play {Path.GetFileName(path ?? MidiInput.DemoName)}");
            long dropped = SequencePlayer.Play(sender, commands, TimeSpan.FromSeconds(0.7), cancel);
            Console.WriteLine($"played {path ?? MidiInput.DemoName}: {commands.Count} commands{(dropped > 0 ? $", {dropped} dropped (ring full)" : "")}");
            return 0;
        }
        catch (ServerUnavailableException e)
        {
            Console.Error.WriteLine($"hapticshm play: {e.Message} (start one with: hapticshm server start)");
            return 3;
        }
        catch (Exception e) when (e is MidiFormatException or HandshakeRejectedException or IOException)
        {
            Console.Error.WriteLine($"hapticshm play: {e.Message}");
            return 1;
        }
    }
}
