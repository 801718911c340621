using HapticShm.Shared.Protocol;

namespace HapticShm.Engine.Scheduling;

/// <summary>
/// MPE commands waiting for their grid frame. Expression is smoothed over milliseconds anyway,
/// so applying it on a grid of <see cref="GridFrames"/> absolute frames (at most 0.33 ms late at
/// 48 kHz) lets a storm of hundreds of messages per block split the render a few times instead
/// of hundreds, while note-ons and note-offs stay sample-accurate. The grid counts the engine's
/// own frames, so output does not depend on how the host slices blocks. A FIFO: grid frames only
/// grow because commands arrive here in due order.
/// </summary>
internal sealed class ExpressionGrid(int capacity)
{
    public const int GridFrames = 16;

    private readonly Command[] _commands = new Command[capacity];
    private readonly int[] _clients = new int[capacity];
    private readonly long[] _frames = new long[capacity];
    private int _head, _count;

    public int Count => _count;

    /// <summary>The absolute frame the oldest command applies at.</summary>
    public long HeadFrame => _frames[_head];

    public ref readonly Command HeadCommand => ref _commands[_head];

    public int HeadClient => _clients[_head];

    /// <summary>The first grid frame at or after <paramref name="absoluteFrame"/>.</summary>
    public static long GridFrameAtOrAfter(long absoluteFrame) => (absoluteFrame + GridFrames - 1) & ~(long)(GridFrames - 1);

    public bool TryAdd(in Command command, int clientId, long absoluteFrame)
    {
        if (_count == _commands.Length) return false;
        int tail = (_head + _count) % _commands.Length;
        _commands[tail] = command;
        _clients[tail] = clientId;
        _frames[tail] = GridFrameAtOrAfter(absoluteFrame);
        _count++;
        return true;
    }

    public void RemoveHead()
    {
        _head = (_head + 1) % _commands.Length;
        _count--;
    }

    /// <summary>Drops the commands of one client (it left), keeping the others in order.</summary>
    public void RemoveClient(int clientId)
    {
        int kept = 0;
        for (int i = 0; i < _count; i++)
        {
            int from = (_head + i) % _commands.Length;
            if (_clients[from] == clientId) continue;
            int to = (_head + kept++) % _commands.Length;
            _commands[to] = _commands[from];
            _clients[to] = _clients[from];
            _frames[to] = _frames[from];
        }
        _count = kept;
    }
}
