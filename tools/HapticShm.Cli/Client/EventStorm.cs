using HapticShm.Shared;
using HapticShm.Shared.Protocol;

namespace HapticShm.Cli.Client;

/// <summary>
/// A stress client: holds <c>maxNotes</c> notes on MPE member channels (half travelling, half
/// standing waves), sends a burst of pressure / bend / timbre changes every millisecond and now
/// and then retriggers a note, with its heartbeat fresh. Deterministic for a given seed. Used by
/// `send storm`, the soak and the tests.
/// </summary>
internal sealed class EventStorm(CommandSender sender, int seed, int commandsPerMs, int maxNotes)
{
    public long Sent { get; private set; }
    public long Dropped { get; private set; }

    public void Run(TimeSpan duration)
    {
        var random = new Random(seed);
        var held = new (byte Channel, byte Note)[Math.Clamp(maxNotes, 1, 15)];
        for (int i = 0; i < held.Length; i++)
        {
            held[i] = ((byte)(1 + i), (byte)random.Next(30, 61));
            Push(Command.NoteOn(held[i].Channel, held[i].Note, (i % 2 == 0 ? 40 : 100) / 127f, MonotonicClock.NowNs()));
        }
        long end = MonotonicClock.NowNs() + (long)(duration.TotalMilliseconds * 1e6);
        long nextBurst = MonotonicClock.NowNs();
        while (true)
        {
            long now = MonotonicClock.NowNs();
            if (now >= end) break;
            if (now < nextBurst)
            {
                Thread.Sleep(nextBurst - now > 1_500_000 ? 1 : 0);
                continue;
            }
            nextBurst += 1_000_000;
            for (int i = 0; i < commandsPerMs; i++) Push(NextCommand(random, held, now));
            if (sender.Session.ServerClosed) break;
        }
        foreach (var (channel, note) in held)
            if (note != 0) Push(Command.NoteOff(channel, note, MonotonicClock.NowNs()));
    }

    private static Command NextCommand(Random random, (byte Channel, byte Note)[] held, long now)
    {
        int slot = random.Next(held.Length);
        byte channel = (byte)(1 + slot); // MPE member channels 2..16 (0-based 1..15)
        if (random.Next(2048) == 0)
        {
            // Retrigger: alternately release the channel's note and start a new one, wave or standing.
            var (_, old) = held[slot];
            if (old != 0)
            {
                held[slot] = (channel, 0);
                return Command.NoteOff(channel, old, now);
            }
            byte note = (byte)random.Next(30, 61);
            held[slot] = (channel, note);
            return Command.NoteOn(channel, note, random.Next(1, 128) / 127f, now);
        }
        return Command.Mpe(channel, MpeFields.Pressure | MpeFields.PitchBend | MpeFields.Timbre,
            (float)random.NextDouble(), (float)(random.NextDouble() * 2 - 1), (float)random.NextDouble(), now);
    }

    private void Push(in Command command)
    {
        if (sender.Send(command)) Sent++;
        else Dropped++;
    }
}
