namespace HapticShm.Server.Backends.Asio;

/// <summary>One installed ASIO driver: its registry key name, COM class id and description.</summary>
public sealed record AsioDriverEntry(string Name, Guid Clsid, string Description);
