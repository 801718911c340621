namespace HapticShm.Shared.Status;

/// <summary>What the server's backend is doing, beside its name (<see cref="StatusBlock.BackendState"/>).</summary>
public enum BackendState
{
    /// <summary>The backend named plays as asked (also: the auto backend on JACK).</summary>
    Running = 0,
    /// <summary>The auto backend keeps time on null and looks for a JACK server to move to;
    /// <see cref="StatusBlock.BackendReason"/> says why it is not on JACK.</summary>
    WaitingForJack = 1,
}
