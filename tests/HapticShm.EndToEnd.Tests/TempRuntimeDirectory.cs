using HapticShm.Shared.Platform;

namespace HapticShm.EndToEnd.Tests;

/// <summary>A private, owner-only runtime directory per test, removed afterwards.</summary>
public sealed class TempRuntimeDirectory : IDisposable
{
    public string Path { get; } = RuntimePaths.EnsureDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "hapticshm-sys-" + Guid.NewGuid().ToString("N")[..12]));

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { }
    }
}
