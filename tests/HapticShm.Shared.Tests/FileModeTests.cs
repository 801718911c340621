using HapticShm.Shared.Platform;
using HapticShm.Shared.Ring;

namespace HapticShm.Shared.Tests;

/// <summary>Rings and the runtime directory are owner-only: no other user can read or inject.</summary>
public sealed class FileModeTests : IDisposable
{
    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "hapticshm-modes-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void EnsureDirectory_CreatesParentAndDirectoryOwnerOnly()
    {
        string directory = RuntimePaths.EnsureDirectory(Path.Combine(_root, "hapticshm"));
        Assert.Equal(OwnerOnlyDirectory, File.GetUnixFileMode(_root));
        Assert.Equal(OwnerOnlyDirectory, File.GetUnixFileMode(directory));
    }

    [Fact]
    public void EnsureDirectory_TightensAnOpenDirectoryOfOurs()
    {
        string directory = Path.Combine(_root, "hapticshm");
        Directory.CreateDirectory(directory);
        File.SetUnixFileMode(directory, OwnerOnlyDirectory | UnixFileMode.GroupRead | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        RuntimePaths.EnsureDirectory(directory);
        Assert.Equal(OwnerOnlyDirectory, File.GetUnixFileMode(directory));
    }

    [Fact]
    public void Create_RingFileIsOwnerReadWriteOnly()
    {
        string directory = RuntimePaths.EnsureDirectory(Path.Combine(_root, "hapticshm"));
        string path = Path.Combine(directory, "ring.shm");
        using var ring = CommandRing.Create(path, 16, Guid.NewGuid(), Environment.ProcessId);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { }
    }
}
