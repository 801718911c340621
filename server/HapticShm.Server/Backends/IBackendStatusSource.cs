namespace HapticShm.Server.Backends;

/// <summary>A backend whose name and state can change while the server runs (the auto backend
/// moving between null and JACK).</summary>
public interface IBackendStatusSource
{
    /// <summary>The backend now. Real-time safe: a volatile read of an immutable record.</summary>
    BackendStatus Status { get; }
}
