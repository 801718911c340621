namespace HapticShm.Server.Hosting;

/// <summary>
/// One server per user: an exclusive lock on <c>server.lock</c> in the runtime directory, held for
/// the life of the process and released by the OS even on kill -9. Whoever holds it owns the
/// socket path, so a socket file found without the lock is stale and may be replaced.
/// </summary>
public sealed class SingleInstanceLock : IDisposable
{
    private readonly FileStream _stream;

    private SingleInstanceLock(FileStream stream) => _stream = stream;

    /// <summary>Takes the lock, or returns null when another server holds it.</summary>
    public static SingleInstanceLock? TryAcquire(string path)
    {
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            return new SingleInstanceLock(new FileStream(path, options));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _stream.Dispose();
}
