namespace HapticShm.Shared.Handshake;

/// <summary>No server answered on the socket (none runs, or it did not reply in time).</summary>
public sealed class ServerUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
