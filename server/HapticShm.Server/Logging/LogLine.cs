using System.Runtime.CompilerServices;

namespace HapticShm.Server.Logging;

/// <summary>
/// Interpolated-string handler that formats a log line into this thread's preallocated buffer
/// (values through <see cref="ISpanFormattable"/>), so <c>log.Write($"...{x}")</c> allocates
/// nothing. No lock is held while formatting: a value that throws leaves nothing behind.
/// Over-long lines are cut, never grown.
/// </summary>
[InterpolatedStringHandler]
public ref struct LogLine
{
    private readonly Span<char> _buffer;
    private int _length;

    public LogLine(int literalLength, int formattedCount, ServerLog log)
    {
        _buffer = log.BeginLine(out _length);
    }

    internal readonly ReadOnlySpan<char> Text => _buffer[.._length];

    public void AppendLiteral(string value) => Append(value);

    public void AppendFormatted(string? value) => Append(value);

    public void AppendFormatted(ReadOnlySpan<char> value) => Append(value);

    public void AppendFormatted<T>(T value, string? format = null) where T : ISpanFormattable
    {
        if (value.TryFormat(_buffer[_length..], out int written, format, System.Globalization.CultureInfo.InvariantCulture))
            _length += written;
    }

    private void Append(ReadOnlySpan<char> value)
    {
        int n = Math.Min(value.Length, _buffer.Length - _length);
        value[..n].CopyTo(_buffer[_length..]);
        _length += n;
    }
}
