using HapticShm.Shared;
using HapticShm.Shared.Handshake;
using HapticShm.Shared.Protocol;
using HapticShm.Shared.Ring;

// Usage: HapticShm.RingPeer produce <ring file> <count>
//   Opens the ring and pushes <count> note-ons as fast as it can (drops are allowed and
//   counted by the ring), then prints "pushed <n> dropped <n>".
// Usage: HapticShm.RingPeer hello <socket>
//   Says hello to a server; prints "welcome <server pid>" or "reject <code>: <reason>".
if (args is ["hello", string socketPath])
{
    try
    {
        using ServerSession session = HandshakeClient.Connect("ring peer", socketPath);
        Console.WriteLine($"welcome {session.ServerPid}");
        return 0;
    }
    catch (HandshakeRejectedException e)
    {
        Console.WriteLine($"reject {e.Code}: {e.Message}");
        return 1;
    }
}
if (args.Length != 3 || args[0] != "produce" || !long.TryParse(args[2], out long count))
{
    Console.Error.WriteLine("usage: HapticShm.RingPeer produce <ring file> <count> | hello <socket>");
    return 2;
}

using var ring = CommandRing.Open(args[1]);
RingProducer producer = ring.Producer;
long pushed = 0, dropped = 0;
for (long i = 0; i < count; i++)
{
    var command = Command.NoteOn((byte)(i & 15), (byte)(i & 127), 0.5f, MonotonicClock.NowNs());
    if (producer.TryPush(command)) pushed++;
    else dropped++;
}
Console.WriteLine($"pushed {pushed} dropped {dropped}");
return 0;
