namespace HapticShm.Server.Backends;

/// <summary>A backend that cannot run; the message says what to install or start.</summary>
public sealed class AudioBackendException(string message, Exception? inner = null) : Exception(message, inner);
