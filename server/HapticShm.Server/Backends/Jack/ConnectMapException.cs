namespace HapticShm.Server.Backends.Jack;

/// <summary>A connect map that cannot be used; the message names the file, the line and the problem.</summary>
public sealed class ConnectMapException(string message, Exception? inner = null) : Exception(message, inner);
