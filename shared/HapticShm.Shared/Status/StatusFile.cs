using HapticShm.Shared.Platform;

namespace HapticShm.Shared.Status;

/// <summary>
/// The status block's file, mapped. The server creates it and is its only writer
/// (<see cref="BeginWrite"/> / <see cref="EndWrite"/> around every update, on one thread);
/// readers <see cref="Open"/> it and take consistent copies with <see cref="TryRead"/>.
/// </summary>
public sealed unsafe class StatusFile : IDisposable
{
    private readonly MappedFile _map;
    private StatusBlock* _block;

    private StatusFile(string path, MappedFile map)
    {
        Path = path;
        _map = map;
        _block = (StatusBlock*)map.Pointer;
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>The mapped block, for the writer between <see cref="BeginWrite"/> and <see cref="EndWrite"/>.</summary>
    public StatusBlock* Block => _block;

    /// <summary>Creates (or replaces) the status file, owner-only.</summary>
    public static StatusFile Create(string path)
    {
        var status = new StatusFile(path, MappedFile.CreateOwnerOnly(path, StatusBlock.Size));
        status._block->Version = StatusBlock.LayoutVersion;
        status._block->TotalBytes = StatusBlock.Size;
        Volatile.Write(ref status._block->Magic, StatusBlock.MagicValue);
        return status;
    }

    /// <summary>Maps an existing status file; throws <see cref="InvalidDataException"/> naming the
    /// file if it is not a status block of this layout.</summary>
    public static StatusFile Open(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        long length = stream.Length;
        if (length < StatusBlock.Size)
        {
            stream.Dispose();
            throw new InvalidDataException($"{path}: truncated status file ({length} bytes, expected {StatusBlock.Size})");
        }
        var status = new StatusFile(path, MappedFile.Map(stream, StatusBlock.Size));
        StatusBlock* block = status._block;
        if (block->Magic != StatusBlock.MagicValue || block->Version != StatusBlock.LayoutVersion)
        {
            ulong magic = block->Magic;
            int version = block->Version;
            status.Dispose();
            throw new InvalidDataException($"{path}: not a HapticShm status block of layout {StatusBlock.LayoutVersion} (magic 0x{magic:X16}, version {version})");
        }
        return status;
    }

    /// <summary>Starts an update: readers retry until <see cref="EndWrite"/>.</summary>
    public void BeginWrite()
    {
        Volatile.Write(ref _block->Sequence, _block->Sequence + 1);
        Interlocked.MemoryBarrier(); // the odd count must be visible before any field changes
    }

    /// <summary>Ends an update.</summary>
    public void EndWrite() => Volatile.Write(ref _block->Sequence, _block->Sequence + 1);

    /// <summary>Copies a consistent snapshot; false if the writer kept it busy for every attempt.</summary>
    public bool TryRead(out StatusBlock snapshot, int attempts = 1000)
    {
        for (int i = 0; i < attempts; i++)
        {
            long before = Volatile.Read(ref _block->Sequence);
            if ((before & 1) != 0)
            {
                // The writer may have been preempted mid-update: give it the core now and then.
                if (i % 50 == 49) Thread.Sleep(1);
                else Thread.SpinWait(20);
                continue;
            }
            snapshot = *_block;
            Interlocked.MemoryBarrier();
            if (Volatile.Read(ref _block->Sequence) == before) return true;
        }
        snapshot = default;
        return false;
    }

    /// <summary>Unmaps the file.</summary>
    public void Dispose()
    {
        if (_block == null) return;
        _block = null;
        _map.Dispose();
    }
}
