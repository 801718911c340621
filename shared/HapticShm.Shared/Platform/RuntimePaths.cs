namespace HapticShm.Shared.Platform;

/// <summary>
/// Where the socket, the ring files, the status block and the logs live: a per-user directory
/// only its owner can enter. <c>$XDG_RUNTIME_DIR/hapticshm</c>, else
/// <c>/tmp/hapticshm-&lt;uid&gt;/hapticshm</c> on Unix; <c>%LOCALAPPDATA%\HapticShm</c> on
/// Windows. <c>HAPTICSHM_RUNTIME_DIR</c> overrides it (tests use it to run side by side).
/// </summary>
public static class RuntimePaths
{
    /// <summary>The environment variable that overrides the runtime directory.</summary>
    public const string OverrideVariable = "HAPTICSHM_RUNTIME_DIR";

    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>The runtime directory, created owner-only if missing.</summary>
    public static string RuntimeDirectory => EnsureDirectory(ResolveRuntimeDirectory());

    /// <summary>The server's handshake socket.</summary>
    public static string SocketPath => Path.Combine(RuntimeDirectory, "server.sock");

    /// <summary>The server's shared status block.</summary>
    public static string StatusPath => Path.Combine(RuntimeDirectory, "status.shm");

    /// <summary>The server's log file.</summary>
    public static string ServerLogPath => Path.Combine(RuntimeDirectory, "server.log");

    /// <summary>The ring file of one client session.</summary>
    public static string RingPath(int clientPid, int sessionNumber) =>
        Path.Combine(RuntimeDirectory, $"ring-{clientPid}-{sessionNumber}.shm");

    /// <summary>Works out the directory without creating it.</summary>
    public static string ResolveRuntimeDirectory()
    {
        string? overridden = Environment.GetEnvironmentVariable(OverrideVariable);
        if (!string.IsNullOrEmpty(overridden)) return Path.GetFullPath(overridden);
        if (OperatingSystem.IsWindows())
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "HapticShm");
        string? xdg = Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR");
        string parent = string.IsNullOrEmpty(xdg) ? Path.Combine(Path.GetTempPath(), $"hapticshm-{CurrentUser.Uid}") : xdg;
        return Path.Combine(parent, "hapticshm");
    }

    /// <summary>Creates <paramref name="directory"/> (and a /tmp parent of ours) owner-only, or
    /// tightens one of ours to owner-only. Throws <see cref="RuntimeDirectoryException"/> with one
    /// sentence naming the path for a symbolic link, a directory another user owns, or one that
    /// group or others can write (they could have put anything in it already).</summary>
    public static string EnsureDirectory(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
            return directory;
        }
        string? parent = Path.GetDirectoryName(directory);
        if (parent is not null && Path.GetFileName(parent).StartsWith("hapticshm-", StringComparison.Ordinal))
            MakeOwnerOnly(parent);
        MakeOwnerOnly(directory);
        return directory;
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void MakeOwnerOnly(string directory)
    {
        if (!OperatingSystem.IsLinux())
        {
            // No statx here: the checks .NET offers (no owner).
            if (!Directory.Exists(directory)) Directory.CreateDirectory(directory, OwnerOnlyDirectory);
            var info = new DirectoryInfo(directory);
            if (info.LinkTarget is not null) throw Refused(directory, "is a symbolic link");
            if ((info.UnixFileMode & ~OwnerOnlyDirectory) != 0) info.UnixFileMode = OwnerOnlyDirectory;
            return;
        }
        UnixDirectoryInfo? status = UnixDirectoryInfo.Read(directory);
        if (status is null)
        {
            try
            {
                Directory.CreateDirectory(directory, OwnerOnlyDirectory);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new RuntimeDirectoryException($"cannot create the HapticShm runtime directory {directory}: {e.Message}");
            }
            status = UnixDirectoryInfo.Read(directory);
        }
        if (status is not { } found) throw Refused(directory, "vanished while it was being created");
        if (found.IsSymbolicLink) throw Refused(directory, "is a symbolic link");
        if (!found.IsDirectory) throw Refused(directory, "is not a directory");
        if (found.OwnerUid != CurrentUser.Uid) throw Refused(directory, $"belongs to uid {found.OwnerUid}, not to you (uid {CurrentUser.Uid})");
        const UnixFileMode othersWrite = UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;
        if ((found.Mode & othersWrite) != 0)
            throw Refused(directory, $"can be written by other users (mode {Convert.ToString((int)found.Mode, 8)})");
        if ((found.Mode & ~OwnerOnlyDirectory) != 0) File.SetUnixFileMode(directory, OwnerOnlyDirectory);
    }

    private static RuntimeDirectoryException Refused(string directory, string what) =>
        new($"the HapticShm runtime directory {directory} {what}: refusing to keep the socket and rings there; remove it, or point {OverrideVariable} at a directory of your own");
}
