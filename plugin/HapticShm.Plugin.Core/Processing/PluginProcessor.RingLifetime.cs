using HapticShm.Shared.Ring;

namespace HapticShm.Plugin.Core.Processing;

/// <remarks>
/// When may a withdrawn ring be unmapped? The audio thread makes the block epoch odd
/// (<see cref="BeginBlock(long)"/>), then reads the ring; a detaching thread withdraws the ring,
/// then reads the epoch (both full fences, so one of them sees the other). An even epoch means no
/// block holds the old ring; an odd one means the running block may, until the epoch moves on.
/// A detach never waits long for that (the host's UI thread may be the caller): a mapping a
/// stalled block may still write into is parked, kept mapped, and unmapped by
/// <see cref="ReleaseRetiredRings"/> once that block has ended. Nothing here runs on the audio thread.
/// </remarks>
public sealed partial class PluginProcessor
{
    /// <summary>Longest a detach waits for the running block before parking the mapping instead.</summary>
    public const int DetachWaitMs = 10;

    private readonly List<(IDisposable Mapping, long Epoch)> _retired = [];

    /// <summary>Mappings parked because a block could still write into them.</summary>
    public int RetiredRingCount
    {
        get { lock (_retired) return _retired.Count; }
    }

    /// <summary>Withdraws <paramref name="producer"/> if it is still the attached ring (an owner
    /// never withdraws a ring someone else attached since), then unmaps <paramref name="mapping"/>
    /// (what owns the ring's memory) now if no block can still write into it, or parks it until
    /// the block that could has ended. Safe from any thread but the audio thread.</summary>
    public void RetireRing(RingProducer producer, IDisposable mapping)
    {
        Interlocked.CompareExchange(ref _ring, null, producer);
        ReleaseRetiredRings();
        if (WaitForBlocksThatMayHoldIt(out long epoch))
        {
            mapping.Dispose();
            return;
        }
        lock (_retired) _retired.Add((mapping, epoch));
    }

    /// <summary>Unmaps the parked mappings whose block has ended; returns how many are still
    /// parked. Called by the connection thread at every poll and on start/stop.</summary>
    public int ReleaseRetiredRings()
    {
        lock (_retired)
        {
            if (_retired.Count == 0) return 0;
            long epoch = Volatile.Read(ref _blockEpoch);
            for (int i = _retired.Count - 1; i >= 0; i--)
            {
                if (_retired[i].Epoch == epoch) continue; // that block is still running
                _retired[i].Mapping.Dispose();
                _retired.RemoveAt(i);
            }
            return _retired.Count;
        }
    }

    // After the ring was withdrawn (with a full fence): true once no block can hold it; false
    // with the epoch of the block that still may, after waiting at most DetachWaitMs for it.
    private bool WaitForBlocksThatMayHoldIt(out long epoch)
    {
        Interlocked.MemoryBarrier();
        epoch = Volatile.Read(ref _blockEpoch);
        if ((epoch & 1) == 0) return true;
        long deadline = Environment.TickCount64 + DetachWaitMs;
        while (Environment.TickCount64 < deadline)
        {
            Thread.Sleep(1);
            if (Volatile.Read(ref _blockEpoch) != epoch) return true;
        }
        return Volatile.Read(ref _blockEpoch) != epoch;
    }
}
