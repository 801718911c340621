namespace HapticShm.Shared.Platform;

/// <summary>The runtime directory cannot be trusted (a symbolic link, another user's, writable by
/// others) or cannot be checked. The message is one sentence naming the path and what to do.</summary>
public sealed class RuntimeDirectoryException(string message) : Exception(message);
