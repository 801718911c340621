namespace HapticShm.Cli.Wav;

/// <summary>A WAV file that is not the 32-bit float layout we read; the message is
/// <c>&lt;file&gt;: byte &lt;offset&gt;: &lt;what is wrong&gt;</c>.</summary>
public sealed class WavFormatException : Exception
{
    public WavFormatException(string sourceName, long offset, string problem)
        : base($"{sourceName}: byte {offset}: {problem}") => Offset = offset;

    public WavFormatException() { }

    public WavFormatException(string message) : base(message) { }

    public WavFormatException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Byte offset of the problem.</summary>
    public long Offset { get; }
}
