namespace HapticShm.Plugin.Core.Connection;

/// <summary>
/// When the connection thread may start a server. At once when none answers; then, as long as
/// no server has answered since, again after <see cref="FirstRetryNs"/>, twice that, and so on up
/// to <see cref="MaxRetryNs"/>. Why again at all: a launched server can die during its startup
/// (or hang in a device open) and never listen; launching once per outage left the plugin
/// disconnected for good. Why only after seconds: a server normally listens within a fraction of
/// a second (slower on a loaded machine or while a JACK server is probed), and every extra launch
/// while one still starts only makes a process that finds the single-instance lock taken and
/// exits. The back-off keeps a plugin without a working server from launching one every poll.
/// A server answering (a session opened) starts the schedule over.
/// </summary>
internal sealed class ServerLaunchSchedule
{
    /// <summary>How long a launched server has to answer before the next launch.</summary>
    public const long FirstRetryNs = 4_000_000_000;

    /// <summary>The longest wait between launches while no server answers.</summary>
    public const long MaxRetryNs = 30_000_000_000;

    private long _nextLaunchNs = long.MinValue;
    private long _waitNs = FirstRetryNs;

    /// <summary>Whether a launch may happen at <paramref name="nowNs"/>.</summary>
    public bool IsDue(long nowNs) => nowNs >= _nextLaunchNs;

    /// <summary>A server was started at <paramref name="nowNs"/>: the next one no sooner than the current wait, which then doubles.</summary>
    public void Launched(long nowNs)
    {
        _nextLaunchNs = nowNs + _waitNs;
        _waitNs = Math.Min(_waitNs * 2, MaxRetryNs);
    }

    /// <summary>A server answered: the next outage launches at once again.</summary>
    public void Reset()
    {
        _nextLaunchNs = long.MinValue;
        _waitNs = FirstRetryNs;
    }
}
