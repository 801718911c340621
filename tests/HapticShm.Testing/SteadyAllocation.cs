namespace HapticShm.Testing;

/// <summary>
/// Bytes allocated in the quietest of a few windows of steady work. In a JIT-compiled test host
/// the runtime allocates now and then while it tiers methods up (seen: 7752 bytes in one window of
/// the engine tests beside the other tests of their class, 48 bytes on JACK's thread beside a CPU
/// hog), so one window may be spoiled; an allocation of ours shows in every window.
/// </summary>
public static class SteadyAllocation
{
    /// <summary>Runs <paramref name="window"/> <paramref name="windows"/> times and returns the fewest
    /// bytes <paramref name="allocatedSoFar"/> grew by in one of them, with every window's count.</summary>
    public static (long Quietest, string Windows) Measure(Func<long> allocatedSoFar, Action window, int windows = 3)
    {
        long quietest = long.MaxValue;
        var counts = new List<string>();
        for (int i = 0; i < windows; i++)
        {
            long before = allocatedSoFar();
            window();
            long allocated = allocatedSoFar() - before;
            counts.Add($"{allocated} bytes");
            quietest = Math.Min(quietest, allocated);
        }
        return (quietest, string.Join(", ", counts));
    }

    /// <summary><see cref="Measure"/> for allocations on the calling thread, printing the windows.</summary>
    public static long OnThisThread(Action window, int windows = 3)
    {
        (long quietest, string counts) = Measure(GC.GetAllocatedBytesForCurrentThread, window, windows);
        Console.WriteLine($"steady windows: {counts} allocated");
        return quietest;
    }
}
