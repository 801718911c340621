using HapticShm.Shared;
using HapticShm.Shared.Protocol;

namespace HapticShm.Cli.Client;

/// <summary>
/// Plays commands stamped from 0 (a converted MIDI file) through a client's ring in real time:
/// each is stamped start + its offset and pushed shortly before it is due, so the server places
/// it at its exact sample and the ring never holds more than a short look-ahead.
/// </summary>
internal static class SequencePlayer
{
    private const long LeadInNs = 100_000_000;   // time to get going before the first event
    private const long LookAheadNs = 20_000_000; // push this far ahead of when a command sounds

    /// <summary>Plays, then holds for <paramref name="tail"/> so releases finish; returns commands dropped.</summary>
    public static long Play(CommandSender sender, IReadOnlyList<Command> commands, TimeSpan tail, CancellationToken cancel)
    {
        long startNs = MonotonicClock.NowNs() + LeadInNs;
        long dropped = 0;
        int next = 0;
        while (next < commands.Count && !cancel.IsCancellationRequested && !sender.Session.ServerClosed)
        {
            long horizon = MonotonicClock.NowNs() + LookAheadNs;
            while (next < commands.Count && startNs + commands[next].TimestampNs <= horizon)
            {
                Command command = commands[next++];
                command.TimestampNs += startNs;
                if (!sender.Send(command)) dropped++;
            }
            sender.Hold(TimeSpan.FromMilliseconds(5));
        }
        if (cancel.IsCancellationRequested) sender.Send(Command.Panic(MonotonicClock.NowNs()));
        long lastNs = commands.Count == 0 ? 0 : startNs + commands[^1].TimestampNs;
        long remaining = Math.Max(0, lastNs - MonotonicClock.NowNs());
        sender.Hold(TimeSpan.FromMilliseconds(remaining / 1e6) + tail);
        return dropped;
    }
}
