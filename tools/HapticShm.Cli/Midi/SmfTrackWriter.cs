namespace HapticShm.Cli.Midi;

/// <summary>Collects the events of one track at absolute ticks and writes them as an <c>MTrk</c>
/// chunk (delta times, an end-of-track event). Events at the same tick keep the order they were added.</summary>
public sealed class SmfTrackWriter
{
    private readonly List<(long Tick, int Order, byte[] Bytes)> _events = [];

    /// <summary>A channel message (status 0x80..0xEF) at <paramref name="tick"/>; one-byte messages ignore <paramref name="data2"/>.</summary>
    public SmfTrackWriter Channel(long tick, byte status, byte data1, byte data2 = 0)
    {
        if (status is < 0x80 or >= 0xF0) throw new ArgumentOutOfRangeException(nameof(status), status, "a channel status 0x80..0xEF");
        byte[] bytes = MidiChannelEvent.DataLength(status) == 2 ? [status, data1, data2] : [status, data1];
        return Add(tick, bytes);
    }

    /// <summary>A pitch bend of <paramref name="value"/> (0..16383, centre 8192) on 0-based <paramref name="channel"/>.</summary>
    public SmfTrackWriter PitchBend(long tick, int channel, int value)
    {
        value = Math.Clamp(value, 0, 16383);
        return Channel(tick, (byte)(MidiStatus.PitchBend | channel), (byte)(value & 0x7F), (byte)(value >> 7));
    }

    /// <summary>A tempo meta event.</summary>
    public SmfTrackWriter Tempo(long tick, int microsecondsPerQuarter) =>
        Meta(tick, MidiStatus.MetaTempo, [(byte)(microsecondsPerQuarter >> 16), (byte)(microsecondsPerQuarter >> 8), (byte)microsecondsPerQuarter]);

    /// <summary>Any meta event.</summary>
    public SmfTrackWriter Meta(long tick, byte type, ReadOnlySpan<byte> body)
    {
        var bytes = new List<byte> { MidiStatus.Meta, type };
        AppendVlq(bytes, body.Length);
        bytes.AddRange(body);
        return Add(tick, [.. bytes]);
    }

    /// <summary>The chunk: "MTrk", length, events, end of track at the last event's tick.</summary>
    public byte[] ToChunk()
    {
        var body = new List<byte>();
        long previous = 0;
        foreach (var (tick, _, bytes) in _events.OrderBy(e => e.Tick).ThenBy(e => e.Order))
        {
            AppendVlq(body, checked((int)(tick - previous)));
            body.AddRange(bytes);
            previous = tick;
        }
        body.AddRange([0x00, MidiStatus.Meta, MidiStatus.MetaEndOfTrack, 0x00]);
        var chunk = new List<byte>("MTrk"u8.ToArray());
        chunk.AddRange([(byte)(body.Count >> 24), (byte)(body.Count >> 16), (byte)(body.Count >> 8), (byte)body.Count]);
        chunk.AddRange(body);
        return [.. chunk];
    }

    /// <summary>A whole file: format 0 for one track, else 1.</summary>
    public static byte[] BuildFile(int ticksPerQuarter, params SmfTrackWriter[] tracks)
    {
        ArgumentNullException.ThrowIfNull(tracks);
        int format = tracks.Length == 1 ? 0 : 1;
        var file = new List<byte>("MThd"u8.ToArray()) { 0, 0, 0, 6, 0, (byte)format, (byte)(tracks.Length >> 8), (byte)tracks.Length,
            (byte)(ticksPerQuarter >> 8), (byte)ticksPerQuarter };
        foreach (var track in tracks) file.AddRange(track.ToChunk());
        return [.. file];
    }

    /// <summary>Appends <paramref name="value"/> as a variable-length quantity (7 bits per byte, most significant first).</summary>
    public static void AppendVlq(List<byte> destination, int value)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if ((uint)value > 0x0FFFFFFF) throw new ArgumentOutOfRangeException(nameof(value), value, "0..0x0FFFFFFF");
        int shift = 21;
        while (shift > 0 && (value >> shift) == 0) shift -= 7;
        for (; shift > 0; shift -= 7) destination.Add((byte)(0x80 | ((value >> shift) & 0x7F)));
        destination.Add((byte)(value & 0x7F));
    }

    private SmfTrackWriter Add(long tick, byte[] bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tick);
        _events.Add((tick, _events.Count, bytes));
        return this;
    }
}
