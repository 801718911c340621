using HapticShm.Shared.Platform;
using HapticShm.Shared.Status;

namespace HapticShm.Plugin.Core.Editor;

/// <summary>
/// Keeps the server's status block mapped for the editor and copies it once per frame through
/// <see cref="StatusFile.TryRead"/> (the same seqlock read as <c>hapticshm status</c>). While the
/// server publishes, a read allocates nothing; only when the copy goes stale (the server died,
/// hung, or a new one replaced the file) does it reopen the path, at most every
/// <see cref="ReopenIntervalNs"/>, and ask whether the publishing process still lives.
/// </summary>
public sealed class StatusReader(string? path = null, Func<int, bool>? isProcessAlive = null) : IDisposable
{
    /// <summary>A copy older than this is stale (the server publishes every ~10 ms).</summary>
    public const long StaleAfterNs = 250_000_000;
    /// <summary>Least time between two attempts to (re)open the file.</summary>
    public const long ReopenIntervalNs = 500_000_000;

    private readonly string _path = path ?? RuntimePaths.StatusPath;
    private readonly Func<int, bool> _isProcessAlive = isProcessAlive ?? IsProcessAlive;
    private StatusFile? _file;
    private long _nextOpenNs;
    private bool _alive; // of the stale copy's server, as of the last reopen
    private StatusBlock _snapshot;

    /// <summary>The last consistent copy (valid when <see cref="TryRead"/> returned true).</summary>
    public ref readonly StatusBlock Snapshot => ref _snapshot;

    /// <summary>Copies the block: true with a copy of a live server (fresh, or stale but its
    /// process still there: hung); false when there is no file or its server is gone.</summary>
    public bool TryRead(long nowNs)
    {
        bool read = _file is not null && _file.TryRead(out _snapshot, attempts: 100);
        if (read && nowNs - _snapshot.UpdatedNs <= StaleAfterNs) return true;
        if (nowNs >= _nextOpenNs)
        {
            _nextOpenNs = nowNs + ReopenIntervalNs;
            Reopen();
            read = _file is not null && _file.TryRead(out _snapshot, attempts: 100) && _snapshot.ReadyNs != 0;
            if (read && nowNs - _snapshot.UpdatedNs <= StaleAfterNs) return true;
            _alive = read && _snapshot.ServerPid != 0 && _isProcessAlive(_snapshot.ServerPid);
        }
        return read && _alive;
    }

    private void Reopen()
    {
        _file?.Dispose();
        _file = null;
        try
        {
            if (File.Exists(_path)) _file = StatusFile.Open(_path);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            // A server starting (file not sized yet) or another layout: try again later.
        }
    }

    private static bool IsProcessAlive(int pid)
    {
        if (OperatingSystem.IsLinux()) return Directory.Exists("/proc/" + pid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Unmaps the file.</summary>
    public void Dispose()
    {
        _file?.Dispose();
        _file = null;
    }
}
