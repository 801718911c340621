namespace HapticShm.Cli.Midi;

/// <summary>Reads the events of one <c>MTrk</c> chunk: channel messages (running status
/// included) and tempo changes; skips other meta events and SysEx by their length; skips with a
/// warning the bytes a file should not contain but that do no harm.</summary>
internal static class SmfTrackParser
{
    /// <summary>Appends the track's events and tempo changes, its ticks counted from
    /// <paramref name="startTick"/>. A <paramref name="cut"/> track (the file ends before its chunk
    /// does) is read up to the last whole event instead of failing.</summary>
    public static SmfTrackEnd Parse(
        ReadOnlySpan<byte> data, string sourceName, int bodyStart, int bodyEnd, int track, long startTick, bool cut,
        List<SmfTrackEvent> events, List<SmfTempoChange> tempos, List<string> warnings)
    {
        var cursor = new SmfCursor(data, sourceName, bodyStart, bodyEnd);
        long tick = startTick;
        int eventStart = bodyStart;
        try
        {
            return ParseEvents(ref cursor, sourceName, bodyEnd, track, cut, ref tick, ref eventStart, events, tempos, warnings);
        }
        catch (MidiFormatException e) when (cut && e.RanOutOfBytes)
        {
            return new SmfTrackEnd(tick, eventStart);
        }
    }

    private static SmfTrackEnd ParseEvents(
        ref SmfCursor cursor, string sourceName, int bodyEnd, int track, bool cut, ref long tick, ref int eventStart,
        List<SmfTrackEvent> events, List<SmfTempoChange> tempos, List<string> warnings)
    {
        byte running = 0;
        bool runningCancelled = false, warnedCancelled = false, ended = false;
        while (cursor.Remaining > 0)
        {
            eventStart = cursor.Position;
            if (ended)
            {
                warnings.Add(Warning(sourceName, cursor.Position, $"track {track}: {cursor.Remaining} bytes after the end-of-track event ignored"));
                break;
            }
            tick += cursor.ReadVlq("a delta time");
            int offset = cursor.Position;
            byte first = cursor.ReadByte("an event status");
            if (first < 0x80)
            {
                if (running == 0)
                    throw cursor.Error(offset, $"data byte 0x{first:X2} where a status byte is expected (running status with no previous status)");
                if (runningCancelled && !warnedCancelled)
                {
                    // The SMF spec says meta and SysEx events cancel running status; some writers rely on it anyway.
                    warnings.Add(Warning(sourceName, offset, $"track {track}: running status used after a meta or SysEx event; kept 0x{running:X2}"));
                    warnedCancelled = true;
                }
                byte data2 = MidiChannelEvent.DataLength(running) == 2 ? ReadData(ref cursor, running) : (byte)0;
                events.Add(new SmfTrackEvent(tick, track, events.Count, offset, running, first, data2));
            }
            else if (first < MidiStatus.SysEx)
            {
                running = first;
                runningCancelled = false;
                byte data1 = ReadData(ref cursor, first);
                byte data2 = MidiChannelEvent.DataLength(first) == 2 ? ReadData(ref cursor, first) : (byte)0;
                events.Add(new SmfTrackEvent(tick, track, events.Count, offset, first, data1, data2));
            }
            else if (first == MidiStatus.Meta)
            {
                ended = ReadMeta(ref cursor, sourceName, offset, tick, track, tempos, warnings);
                runningCancelled = true;
            }
            else if (first is MidiStatus.SysEx or MidiStatus.SysExEscape)
            {
                int length = cursor.ReadVlq("a SysEx length");
                cursor.Skip(length, offset, "SysEx event");
                runningCancelled = true;
            }
            else if (first >= 0xF8)
            {
                warnings.Add(Warning(sourceName, offset, $"track {track}: real-time byte 0x{first:X2} is not allowed in a MIDI file; skipped"));
            }
            else
            {
                SkipSystemCommon(ref cursor, sourceName, offset, first, track, warnings);
            }
        }
        if (!ended && !cut) warnings.Add(Warning(sourceName, bodyEnd, $"track {track}: no end-of-track event"));
        return new SmfTrackEnd(tick, -1);
    }

    internal static string Warning(string sourceName, long offset, string what) => $"{sourceName}: byte {offset}: {what}";

    private static byte ReadData(ref SmfCursor cursor, byte status)
    {
        int offset = cursor.Position;
        byte value = cursor.ReadByte($"the data of a 0x{status:X2} message");
        if (value >= 0x80) throw cursor.Error(offset, $"status byte 0x{value:X2} inside a 0x{status:X2} message where a data byte is expected");
        return value;
    }

    // Returns true at the end-of-track event.
    private static bool ReadMeta(
        ref SmfCursor cursor, string sourceName, int offset, long tick, int track, List<SmfTempoChange> tempos, List<string> warnings)
    {
        byte type = cursor.ReadByte("a meta event type");
        int length = cursor.ReadVlq("a meta event length");
        if (type == MidiStatus.MetaTempo && length == 3 && cursor.Remaining >= 3)
        {
            var body = cursor.Slice(3);
            int microseconds = (body[0] << 16) | (body[1] << 8) | body[2];
            if (microseconds > 0) tempos.Add(new SmfTempoChange(tick, track, microseconds));
            else warnings.Add(Warning(sourceName, offset, $"track {track}: tempo of 0 microseconds per quarter; ignored"));
        }
        else if (type == MidiStatus.MetaTempo)
        {
            warnings.Add(Warning(sourceName, offset, $"track {track}: tempo event of {length} bytes (3 expected); ignored"));
        }
        cursor.Skip(length, offset, $"meta event 0x{type:X2}");
        return type == MidiStatus.MetaEndOfTrack;
    }

    // 0xF1..0xF6 belong on a cable, not in a file: skip them and their data bytes.
    private static void SkipSystemCommon(ref SmfCursor cursor, string sourceName, int offset, byte status, int track, List<string> warnings)
    {
        int dataBytes = status switch { 0xF1 or 0xF3 => 1, 0xF2 => 2, 0xF6 => 0, _ => -1 };
        if (dataBytes < 0) throw cursor.Error(offset, $"undefined status byte 0x{status:X2}");
        for (int i = 0; i < dataBytes; i++) ReadData(ref cursor, status);
        warnings.Add(Warning(sourceName, offset, $"track {track}: system common message 0x{status:X2} is not allowed in a MIDI file; skipped"));
    }
}
