namespace HapticShm.Testing;

/// <summary>Whether a call returns at all: for calls that must never block (a logger, an audio
/// callback), where a hang is the failure and the time taken is not asserted.</summary>
public static class Finishes
{
    /// <summary>Runs <paramref name="action"/> on a thread of its own; false if it is still running
    /// after <paramref name="timeout"/> (the thread is then left behind, as a hung call would be).</summary>
    public static bool Within(TimeSpan timeout, Action action)
    {
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try { action(); }
            catch (Exception e) { failure = e; }
        }) { IsBackground = true };
        thread.Start();
        if (!thread.Join(timeout)) return false;
        if (failure is not null) throw new InvalidOperationException("the action failed", failure);
        return true;
    }
}
