namespace HapticShm.Engine.Tests;

/// <summary>
/// Bytes this thread allocates in the quietest of a few windows of steady work. The runtime may
/// allocate on the calling thread now and then while it tiers methods up (seen: 7752 bytes in one
/// window, once in a few runs of the whole class, never with the test alone), so one window may
/// be spoiled; an allocation of ours shows in every window.
/// </summary>
internal static class SteadyAllocation
{
    public static long Quietest(Action window, int windows = 3)
    {
        long quietest = long.MaxValue;
        for (int i = 0; i < windows; i++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            window();
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Console.WriteLine($"steady window {i + 1} of {windows}: {allocated} bytes allocated");
            quietest = Math.Min(quietest, allocated);
        }
        return quietest;
    }
}
