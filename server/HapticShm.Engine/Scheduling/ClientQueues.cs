using HapticShm.Shared.Protocol;

namespace HapticShm.Engine.Scheduling;

/// <summary>
/// One <see cref="PendingQueue"/> per client, merged on the way out. A client's commands arrive in
/// time order (one ring, one clock), so each lands at the tail of its own queue in O(1); a single
/// shared sorted array would instead move hundreds of entries per insert when several clients
/// storm at once. The earliest head across clients comes out first (ties: lower client first).
/// </summary>
internal sealed class ClientQueues
{
    private readonly PendingQueue[] _queues;
    private readonly ulong[] _nonEmpty; // bit i: queue i holds a command (so the merge visits only those)
    private int _count;
    private int _earliest = -1; // cached index of the queue holding the earliest head; -1 = unknown

    public ClientQueues(int clients, int capacityPerClient)
    {
        _queues = new PendingQueue[clients];
        for (int i = 0; i < clients; i++) _queues[i] = new PendingQueue(capacityPerClient);
        _nonEmpty = new ulong[(clients + 63) / 64];
    }

    public int Count => _count;

    public bool TryAdd(in Command command, int clientId, long dueNs)
    {
        if (!_queues[clientId].TryAdd(command, clientId, dueNs)) return false;
        _nonEmpty[clientId >> 6] |= 1UL << clientId;
        _count++;
        _earliest = -1;
        return true;
    }

    /// <summary>The earliest pending command; only when <see cref="Count"/> &gt; 0.</summary>
    public ref readonly PendingCommand Peek() => ref _queues[Earliest()].Peek();

    public void RemoveHead()
    {
        int earliest = Earliest();
        _queues[earliest].RemoveHead();
        if (_queues[earliest].Count == 0) _nonEmpty[earliest >> 6] &= ~(1UL << earliest);
        _count--;
        _earliest = -1;
    }

    public int RemoveClient(int clientId)
    {
        int removed = _queues[clientId].RemoveClient(clientId);
        if (_queues[clientId].Count == 0) _nonEmpty[clientId >> 6] &= ~(1UL << clientId);
        _count -= removed;
        _earliest = -1;
        return removed;
    }

    private int Earliest()
    {
        if (_earliest >= 0) return _earliest;
        long best = long.MaxValue;
        for (int word = 0; word < _nonEmpty.Length; word++)
        {
            for (ulong bits = _nonEmpty[word]; bits != 0; bits &= bits - 1)
            {
                int i = word * 64 + System.Numerics.BitOperations.TrailingZeroCount(bits);
                long due = _queues[i].Peek().DueNs;
                if (due < best)
                {
                    best = due;
                    _earliest = i;
                }
            }
        }
        return _earliest;
    }
}
