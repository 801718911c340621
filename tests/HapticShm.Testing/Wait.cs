using System.Diagnostics;

namespace HapticShm.Testing;

/// <summary>Polling with a deadline. The deadline only guards against a hang: a test asserts what
/// it waited for, never how long it took.</summary>
public static class Wait
{
    /// <summary>Polls <paramref name="condition"/> every few ms; false after <paramref name="timeout"/>.</summary>
    public static bool Until(Func<bool> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout) return false;
            Thread.Sleep(5);
        }
        return true;
    }

    /// <summary>Polls <paramref name="condition"/> for up to <paramref name="seconds"/>; fails naming <paramref name="what"/>.</summary>
    public static void Until(Func<bool> condition, string what, double seconds = 20)
    {
        if (!Until(condition, TimeSpan.FromSeconds(seconds)))
            Assert.Fail($"timed out after {seconds} s waiting until {what}");
    }
}
