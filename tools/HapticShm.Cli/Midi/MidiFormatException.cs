namespace HapticShm.Cli.Midi;

/// <summary>A Standard MIDI File that cannot be read. The message is
/// <c>&lt;file&gt;: byte &lt;offset&gt;: &lt;what is wrong&gt;</c>.</summary>
public sealed class MidiFormatException : Exception
{
    public MidiFormatException(string sourceName, long offset, string problem)
        : base($"{sourceName}: byte {offset}: {problem}")
    {
        SourceName = sourceName;
        Offset = offset;
        Problem = problem;
    }

    public MidiFormatException() { }

    public MidiFormatException(string message) : base(message) { }

    public MidiFormatException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>The file name or description given to the reader.</summary>
    public string SourceName { get; } = "";

    /// <summary>Byte offset in the file where the problem starts.</summary>
    public long Offset { get; }

    /// <summary>True when the bytes ran out (the chunk or file ends inside an event), as opposed to bytes that are wrong.</summary>
    public bool RanOutOfBytes { get; init; }

    /// <summary>What is wrong, without file and offset.</summary>
    public string Problem { get; } = "";
}
