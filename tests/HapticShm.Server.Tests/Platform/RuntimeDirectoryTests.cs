using System.Diagnostics;
using HapticShm.Shared.Platform;

namespace HapticShm.Server.Tests.Platform;

/// <summary>The runtime directory is checked with lstat: a symbolic link, another user's directory
/// or one others can write is refused in one sentence naming it.</summary>
public sealed class RuntimeDirectoryTests : IDisposable
{
    private const int Nobody = 65534;
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private readonly TempRuntimeDirectory _dir = new();

    [Fact]
    public void Missing_IsCreatedOwnerOnly()
    {
        string path = Path.Combine(_dir.Path, "hapticshm");
        Assert.Equal(path, RuntimePaths.EnsureDirectory(path));
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(path));
    }

    [Fact]
    public void OursButReadableByOthers_IsTightenedToOwnerOnly()
    {
        string path = Directory.CreateDirectory(Path.Combine(_dir.Path, "hapticshm")).FullName;
        File.SetUnixFileMode(path, (UnixFileMode)0b111_101_101);
        RuntimePaths.EnsureDirectory(path);
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(path));
    }

    [Fact]
    public void SymbolicLink_IsRefusedNamingIt()
    {
        string target = Directory.CreateDirectory(Path.Combine(_dir.Path, "elsewhere")).FullName;
        File.SetUnixFileMode(target, OwnerOnly);
        string link = Path.Combine(_dir.Path, "hapticshm");
        File.CreateSymbolicLink(link, target);

        var e = Assert.Throws<RuntimeDirectoryException>(() => RuntimePaths.EnsureDirectory(link));
        Assert.Equal($"the HapticShm runtime directory {link} is a symbolic link: refusing to keep the socket and rings there; remove it, or point {RuntimePaths.OverrideVariable} at a directory of your own", e.Message);
    }

    [Theory]
    [InlineData(0b111_111_111)]
    [InlineData(0b111_111_000)]
    [InlineData(0b111_000_011)]
    public void WritableByOthers_IsRefusedNamingItsMode(int mode)
    {
        string path = Directory.CreateDirectory(Path.Combine(_dir.Path, "hapticshm")).FullName;
        File.SetUnixFileMode(path, (UnixFileMode)mode);

        var e = Assert.Throws<RuntimeDirectoryException>(() => RuntimePaths.EnsureDirectory(path));
        Assert.StartsWith($"the HapticShm runtime directory {path} can be written by other users (mode {Convert.ToString(mode, 8)}): refusing", e.Message, StringComparison.Ordinal);
        Assert.Equal((UnixFileMode)mode, File.GetUnixFileMode(path)); // left as it was
    }

    [RootFact("gives a directory to 'nobody' with chown")]
    public void OwnedByAnotherUser_IsRefusedNamingTheOwner()
    {
        Assert.True(CurrentUser.Uid == 0, "this test gives a directory to 'nobody' with chown and needs root (./test.sh in CI runs as root)");
        string path = Directory.CreateDirectory(Path.Combine(_dir.Path, "hapticshm")).FullName;
        File.SetUnixFileMode(path, OwnerOnly);
        Chown(path, Nobody);

        var e = Assert.Throws<RuntimeDirectoryException>(() => RuntimePaths.EnsureDirectory(path));
        Assert.StartsWith($"the HapticShm runtime directory {path} belongs to uid {Nobody}, not to you (uid 0): refusing", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TmpParent_WritableByOthers_IsRefusedToo()
    {
        string parent = Directory.CreateDirectory(Path.Combine(_dir.Path, "hapticshm-4242")).FullName;
        File.SetUnixFileMode(parent, (UnixFileMode)0b111_111_111);
        string path = Path.Combine(parent, "hapticshm");

        var e = Assert.Throws<RuntimeDirectoryException>(() => RuntimePaths.EnsureDirectory(path));
        Assert.Contains($"runtime directory {parent} can be written by other users", e.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(path));
    }

    [Theory]
    [InlineData("symlink")]
    [InlineData("mode")]
    public void Server_WithABadRuntimeDirectory_PrintsOneSentenceAndExitsOne(string problem) => AssertServerRefuses(MakeBad(problem));

    [RootFact("gives the runtime directory to 'nobody' with chown")]
    public void Server_WithTheRuntimeDirectoryOfAnotherUser_PrintsOneSentenceAndExitsOne() => AssertServerRefuses(MakeBad("owner"));

    private static void AssertServerRefuses(string path)
    {
        string server = Path.Combine(AppContext.BaseDirectory, "hapticshm-server");
        Assert.True(File.Exists(server), $"server not built: {server}");
        var info = new ProcessStartInfo(server, ["--backend", "null", "--idle-exit", "1"]) { RedirectStandardError = true, RedirectStandardOutput = true };
        info.Environment[RuntimePaths.OverrideVariable] = path;
        using var process = Process.Start(info)!;
        string error = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(30_000));

        Assert.Equal(1, process.ExitCode);
        string line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"hapticshm-server: the HapticShm runtime directory {path} ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    private string MakeBad(string problem)
    {
        string path = Path.Combine(_dir.Path, "hapticshm");
        switch (problem)
        {
            case "symlink":
                string target = Directory.CreateDirectory(Path.Combine(_dir.Path, "elsewhere")).FullName;
                File.SetUnixFileMode(target, OwnerOnly);
                File.CreateSymbolicLink(path, target);
                break;
            case "mode":
                Directory.CreateDirectory(path);
                File.SetUnixFileMode(path, (UnixFileMode)0b111_111_111);
                break;
            default:
                Assert.True(CurrentUser.Uid == 0, "giving a directory to 'nobody' needs root (./test.sh in CI runs as root)");
                Directory.CreateDirectory(path, OwnerOnly);
                Chown(path, Nobody);
                break;
        }
        return path;
    }

    private static void Chown(string path, int uid)
    {
        using var chown = Process.Start(new ProcessStartInfo("chown", [uid.ToString(System.Globalization.CultureInfo.InvariantCulture), path]) { RedirectStandardError = true })!;
        Assert.True(chown.WaitForExit(10_000) && chown.ExitCode == 0, $"chown failed: {chown.StandardError.ReadToEnd()}");
    }

    public void Dispose() => _dir.Dispose();
}
