using System.Diagnostics;

namespace HapticShm.Server.Tests;

internal static class Wait
{
    /// <summary>Polls <paramref name="condition"/> every 10 ms; false after <paramref name="timeout"/>.</summary>
    public static bool Until(Func<bool> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout) return false;
            Thread.Sleep(10);
        }
        return true;
    }
}
