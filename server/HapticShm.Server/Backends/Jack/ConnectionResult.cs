namespace HapticShm.Server.Backends.Jack;

/// <summary>What became of one connect-map line at start: <see cref="Problem"/> is null when the
/// connection was made, else a sentence (no such port, JACK refused it).</summary>
public sealed record ConnectionResult(ConnectMapEntry Entry, string SourcePort, string? Problem)
{
    /// <summary>True when the connection exists.</summary>
    public bool Connected => Problem is null;
}
