namespace HapticShm.Cli.Midi;

/// <summary>Reads big-endian integers and variable-length quantities from a region of a MIDI
/// file, reporting every problem with its absolute byte offset.</summary>
internal ref struct SmfCursor
{
    private const int MaxVlqBytes = 4;

    private readonly ReadOnlySpan<byte> _data;
    private readonly string _sourceName;

    public SmfCursor(ReadOnlySpan<byte> data, string sourceName, int position, int end)
    {
        _data = data;
        _sourceName = sourceName;
        Position = position;
        End = end;
    }

    /// <summary>Absolute offset of the next byte.</summary>
    public int Position { get; set; }

    /// <summary>Absolute offset just past the readable region.</summary>
    public int End { get; }

    public readonly int Remaining => End - Position;

    public readonly byte Peek(string what)
    {
        if (Position >= End) throw Truncated(what);
        return _data[Position];
    }

    public byte ReadByte(string what)
    {
        byte value = Peek(what);
        Position++;
        return value;
    }

    public ushort ReadUInt16(string what)
    {
        if (Remaining < 2) throw Truncated(what);
        ushort value = (ushort)((_data[Position] << 8) | _data[Position + 1]);
        Position += 2;
        return value;
    }

    public uint ReadUInt32(string what)
    {
        if (Remaining < 4) throw Truncated(what);
        uint value = ((uint)_data[Position] << 24) | ((uint)_data[Position + 1] << 16) | ((uint)_data[Position + 2] << 8) | _data[Position + 3];
        Position += 4;
        return value;
    }

    /// <summary>A variable-length quantity: 7 bits per byte, high bit set on all but the last, at most 4 bytes.</summary>
    public int ReadVlq(string what)
    {
        int start = Position;
        int value = 0;
        for (int i = 0; i < MaxVlqBytes; i++)
        {
            byte b = ReadByte(what);
            value = (value << 7) | (b & 0x7F);
            if ((b & 0x80) == 0) return value;
        }
        throw Error(start, $"{what}: variable-length quantity longer than {MaxVlqBytes} bytes");
    }

    /// <summary>Skips <paramref name="length"/> bytes of a meta or SysEx body that starts at <paramref name="eventOffset"/>.</summary>
    public void Skip(int length, int eventOffset, string what)
    {
        if (length > Remaining)
            throw new MidiFormatException(_sourceName, eventOffset, $"{what} of {length} bytes runs past the end of the track chunk ({Remaining} bytes left)") { RanOutOfBytes = true };
        Position += length;
    }

    public readonly ReadOnlySpan<byte> Slice(int length) => _data.Slice(Position, length);

    public readonly MidiFormatException Error(long offset, string problem) => new(_sourceName, offset, problem);

    private readonly MidiFormatException Truncated(string what) =>
        new(_sourceName, Position, $"truncated: the chunk ends while reading {what}") { RanOutOfBytes = true };
}
