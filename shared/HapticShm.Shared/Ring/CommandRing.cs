using HapticShm.Shared.Platform;
using HapticShm.Shared.Protocol;

namespace HapticShm.Shared.Ring;

/// <summary>
/// A ring file mapped into this process. The server creates one per client with
/// <see cref="Create"/>; the client maps it with <see cref="Open"/>, which checks every header
/// field first. Take the <see cref="Producer"/> on one side and the <see cref="Consumer"/> on
/// the other; both stay valid until the ring is disposed.
/// </summary>
public sealed unsafe class CommandRing : IDisposable
{
    private readonly MappedFile _map;
    private byte* _base;
    private RingProducer? _producer;
    private RingConsumer? _consumer;

    private CommandRing(string path, MappedFile map)
    {
        Path = path;
        _map = map;
        _base = map.Pointer;
    }

    /// <summary>The file behind the ring.</summary>
    public string Path { get; }

    /// <summary>Number of slots.</summary>
    public int Capacity => Header->Capacity;

    /// <summary>The session this ring was created for.</summary>
    public Guid SessionId => Header->SessionId;

    /// <summary>The header page, for the heartbeat and counter accessors.</summary>
    internal RingHeader* Header => (RingHeader*)_base;

    internal Command* Slots => (Command*)(_base + RingLayout.HeaderSize);

    /// <summary>The writing side; take it in one process only.</summary>
    public RingProducer Producer => _producer ??= new RingProducer(this);

    /// <summary>The reading side; take it in one process only.</summary>
    public RingConsumer Consumer => _consumer ??= new RingConsumer(this);

    /// <summary>Heartbeats and counters as they are now.</summary>
    public RingCounters ReadCounters() => RingCounters.Read(Header);

    /// <summary>Creates (or replaces) a ring file, owner-only, and maps it.</summary>
    public static CommandRing Create(string path, int capacity, Guid sessionId, int consumerPid)
    {
        if (!RingLayout.IsValidCapacity(capacity))
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity,
                $"a ring capacity is a power of two from {RingLayout.MinCapacity} to {RingLayout.MaxCapacity}");
        var ring = new CommandRing(path, MappedFile.CreateOwnerOnly(path, RingLayout.FileSize(capacity)));
        RingHeader* header = ring.Header;
        header->LayoutVersion = RingLayout.Version;
        header->HeaderSize = RingLayout.HeaderSize;
        header->SlotSize = Command.Size;
        header->Capacity = capacity;
        header->SessionId = sessionId;
        header->ConsumerPid = consumerPid;
        // The magic goes last: a reader that sees it sees a complete header.
        Volatile.Write(ref header->Magic, RingLayout.Magic);
        return ring;
    }

    /// <summary>Maps an existing ring file after checking its header; throws
    /// <see cref="RingFormatException"/> naming the file and the problem.</summary>
    public static CommandRing Open(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
        try
        {
            long length = stream.Length;
            if (length < RingLayout.HeaderSize)
                throw new RingFormatException(path, $"truncated file: {length} bytes, shorter than the {RingLayout.HeaderSize}-byte header");
            RingHeaderCheck.ThrowIfInvalid(path, ReadHeader(stream), length);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
        return new CommandRing(path, MappedFile.Map(stream, 0));
    }

    private static RingHeader ReadHeader(FileStream stream)
    {
        RingHeader header = default;
        stream.ReadExactly(new Span<byte>(&header, sizeof(RingHeader)));
        stream.Position = 0;
        return header;
    }

    /// <summary>Unmaps the ring. The file stays; the server deletes it when the session ends.</summary>
    public void Dispose()
    {
        if (_base == null) return;
        _base = null;
        _map.Dispose();
    }
}
