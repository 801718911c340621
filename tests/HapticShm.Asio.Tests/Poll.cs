namespace HapticShm.Asio.Tests;

internal static class Poll
{
    /// <summary>Waits for <paramref name="condition"/>; the generous deadline only guards against a hang.</summary>
    public static void Until(Func<bool> condition, string what, int timeoutMs = 20_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"timed out waiting for {what}");
            Thread.Sleep(2);
        }
    }
}
