using HapticShm.Shared.Platform;

namespace HapticShm.Testing;

/// <summary>A private, owner-only runtime directory per test, removed afterwards.</summary>
public sealed class TempRuntimeDirectory : IDisposable
{
    public string Path { get; } = RuntimePaths.EnsureDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "hapticshm-test-" + Guid.NewGuid().ToString("N")[..12]));

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { } // a test that took a permission away
    }
}
