using HapticShm.Shared.Protocol;

namespace HapticShm.Engine.Scheduling;

/// <summary>
/// Commands waiting for their due time, in a fixed array kept sorted by due time (stable: equal
/// times keep arrival order). Insert is a binary search plus a block move; the head is removed by
/// advancing an index, so a block's worth of pops costs nothing. Allocates only in the constructor.
/// </summary>
internal sealed class PendingQueue
{
    private readonly PendingCommand[] _items;
    private int _head;
    private int _count;

    public PendingQueue(int capacity) => _items = new PendingCommand[capacity];

    public int Count => _count;

    public bool TryAdd(in Command command, int clientId, long dueNs)
    {
        if (_count == _items.Length) return false;
        if (_head + _count == _items.Length) Compact();
        int end = _head + _count;
        if (_count == 0 || _items[end - 1].DueNs <= dueNs)
        {
            _items[end] = new PendingCommand(command, clientId, dueNs); // in order: the usual case
            _count++;
            return true;
        }
        // Upper bound: first item due strictly later, so equal times stay in arrival order.
        int lo = _head, hi = end;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_items[mid].DueNs <= dueNs) lo = mid + 1; else hi = mid;
        }
        if (lo < end) Array.Copy(_items, lo, _items, lo + 1, end - lo);
        _items[lo] = new PendingCommand(command, clientId, dueNs);
        _count++;
        return true;
    }

    public ref readonly PendingCommand Peek() => ref _items[_head];

    public void RemoveHead()
    {
        _head++;
        if (--_count == 0) _head = 0;
    }

    /// <summary>Drops every command of <paramref name="clientId"/>, keeping the others' order.</summary>
    public int RemoveClient(int clientId)
    {
        int write = _head, end = _head + _count;
        for (int read = _head; read < end; read++)
        {
            if (_items[read].ClientId != clientId) _items[write++] = _items[read];
        }
        int removed = end - write;
        _count -= removed;
        if (_count == 0) _head = 0;
        return removed;
    }

    private void Compact()
    {
        Array.Copy(_items, _head, _items, 0, _count);
        _head = 0;
    }
}
