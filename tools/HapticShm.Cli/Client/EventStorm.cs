using HapticShm.Shared;
using HapticShm.Shared.Protocol;

namespace HapticShm.Cli.Client;

/// <summary>
/// A stress client: keeps up to <c>maxNotes</c> notes sounding on MPE member channels, retriggers
/// them, and sends a burst of pressure / bend / timbre changes every millisecond, with its
/// heartbeat fresh. Deterministic for a given seed. Used by `send storm`, the soak and the tests.
/// </summary>
internal sealed class EventStorm(CommandSender sender, int seed, int commandsPerMs, int maxNotes)
{
    public long Sent { get; private set; }
    public long Dropped { get; private set; }

    public void Run(TimeSpan duration)
    {
        var random = new Random(seed);
        var held = new (byte Channel, byte Note)[Math.Clamp(maxNotes, 1, 15)];
        for (int i = 0; i < held.Length; i++) held[i] = (0, 0);
        long end = MonotonicClock.NowNs() + (long)(duration.TotalMilliseconds * 1e6);
        long nextBurst = MonotonicClock.NowNs();
        while (true)
        {
            long now = MonotonicClock.NowNs();
            if (now >= end) break;
            if (now < nextBurst)
            {
                Thread.Sleep(0);
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
        if (random.Next(64) == 0)
        {
            // Retrigger: release what this channel held and start a new note, wave or standing.
            var (_, old) = held[slot];
            byte note = (byte)random.Next(30, 61);
            held[slot] = (channel, note);
            return old != 0 && random.Next(2) == 0
                ? Command.NoteOff(channel, old, now)
                : Command.NoteOn(channel, note, random.Next(1, 128) / 127f, now);
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
