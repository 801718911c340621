namespace HapticShm.Server.Audio;

/// <summary>
/// Garbage-collection figures since the server became ready, sampled by the listener thread
/// (asking the GC is not for the audio thread) and copied into the status block by the callback.
/// </summary>
public sealed class ProcessStats
{
    private long _gcAtReady;
    private long _allocatedAtReady;
    private long _gcCount;
    private long _allocatedBytes;

    public long GcCount => Volatile.Read(ref _gcCount);
    public long AllocatedBytes => Volatile.Read(ref _allocatedBytes);

    public void MarkReady()
    {
        _gcAtReady = Collections();
        _allocatedAtReady = GC.GetTotalAllocatedBytes(precise: false);
    }

    public void Sample()
    {
        Volatile.Write(ref _gcCount, Collections() - _gcAtReady);
        Volatile.Write(ref _allocatedBytes, GC.GetTotalAllocatedBytes(precise: false) - _allocatedAtReady);
    }

    // Gen-0 count includes every collection (a gen-2 collection is also counted as gen 0 and 1).
    private static long Collections() => GC.CollectionCount(0);
}
