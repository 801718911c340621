namespace HapticShm.Testing;

/// <summary>
/// Runs a timing measurement up to three times. JACK's dummy driver on this shared VM now and
/// then reports a cycle late or early; a check that fails three times in a row is a real failure.
/// Each failed attempt is written to the test output, so flakiness stays visible.
/// </summary>
public static class Retry
{
    public static void Timing(Action attempt, Action<string> log, int attempts = 3)
    {
        for (int i = 1; ; i++)
        {
            try
            {
                attempt();
                return;
            }
            catch (Xunit.Sdk.XunitException e) when (i < attempts)
            {
                log($"attempt {i} failed, measuring again: {e.Message}");
            }
        }
    }
}
