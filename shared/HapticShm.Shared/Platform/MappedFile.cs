using System.IO.MemoryMappedFiles;

namespace HapticShm.Shared.Platform;

/// <summary>
/// A file mapped read-write into this process, with its view's pointer acquired once: the ring
/// and the status block are both one of these. The pointer stays valid until <see cref="Dispose"/>;
/// the owner must make sure nothing touches it after that.
/// </summary>
internal sealed unsafe class MappedFile : IDisposable
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;
    private byte* _pointer;

    private MappedFile(MemoryMappedFile file, MemoryMappedViewAccessor view)
    {
        _file = file;
        _view = view;
        byte* pointer = null;
        _view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        _pointer = pointer + _view.PointerOffset;
    }

    /// <summary>The first mapped byte; null once disposed.</summary>
    public byte* Pointer => _pointer;

    /// <summary>Creates (or replaces) <paramref name="path"/> owner-only (0600) with
    /// <paramref name="length"/> zero bytes and maps all of it.</summary>
    public static MappedFile CreateOwnerOnly(string path, long length)
    {
        File.Delete(path);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.ReadWrite, Share = FileShare.ReadWrite };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerReadWrite;
        var stream = new FileStream(path, options);
        try
        {
            stream.SetLength(length);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
        return Map(stream, 0);
    }

    /// <summary>Maps <paramref name="stream"/> (which it then owns): <paramref name="viewLength"/>
    /// bytes from the start, or the whole file if 0.</summary>
    public static MappedFile Map(FileStream stream, long viewLength)
    {
        var file = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.ReadWrite, HandleInheritability.None, leaveOpen: false);
        try
        {
            return new MappedFile(file, file.CreateViewAccessor(0, viewLength, MemoryMappedFileAccess.ReadWrite));
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Unmaps the file (once; later calls do nothing).</summary>
    public void Dispose()
    {
        if (_pointer == null) return;
        _pointer = null;
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
        _file.Dispose();
    }
}
