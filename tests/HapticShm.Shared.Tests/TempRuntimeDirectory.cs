using HapticShm.Shared.Platform;

namespace HapticShm.Shared.Tests;

/// <summary>A private runtime directory per test, removed afterwards.</summary>
public sealed class TempRuntimeDirectory : IDisposable
{
    public TempRuntimeDirectory()
    {
        Path = RuntimePaths.EnsureDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "hapticshm-test-" + Guid.NewGuid().ToString("N")));
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { }
    }
}
