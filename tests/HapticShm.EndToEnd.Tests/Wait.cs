namespace HapticShm.EndToEnd.Tests;

internal static class Wait
{
    /// <summary>Polls <paramref name="condition"/> for up to <paramref name="seconds"/>; fails with <paramref name="what"/>.</summary>
    public static void Until(Func<bool> condition, string what, double seconds = 10)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"timed out after {seconds} s waiting until {what}");
            Thread.Sleep(5);
        }
    }
}
