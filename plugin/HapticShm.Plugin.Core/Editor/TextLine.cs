using System.Globalization;

namespace HapticShm.Plugin.Core.Editor;

/// <summary>A line of text built in place in a preallocated buffer, so the editor formats its
/// figures every frame without allocating. Text that does not fit is cut.</summary>
public sealed class TextLine(int capacity = 128)
{
    private readonly char[] _chars = new char[capacity];

    /// <summary>Characters in use.</summary>
    public int Length { get; private set; }

    /// <summary>The text.</summary>
    public ReadOnlySpan<char> Span => _chars.AsSpan(0, Length);

    /// <summary>Empties the line.</summary>
    public TextLine Clear()
    {
        Length = 0;
        return this;
    }

    /// <summary>Appends text.</summary>
    public TextLine Append(ReadOnlySpan<char> text)
    {
        int n = Math.Min(text.Length, _chars.Length - Length);
        text[..n].CopyTo(_chars.AsSpan(Length));
        Length += n;
        return this;
    }

    /// <summary>Appends one character.</summary>
    public TextLine Append(char c)
    {
        if (Length < _chars.Length) _chars[Length++] = c;
        return this;
    }

    /// <summary>Appends an integer.</summary>
    public TextLine Append(long value)
    {
        if (value.TryFormat(_chars.AsSpan(Length), out int written, default, CultureInfo.InvariantCulture)) Length += written;
        return this;
    }

    /// <summary>Appends a number with <paramref name="decimals"/> decimals (0..3).</summary>
    public TextLine Append(double value, int decimals)
    {
        ReadOnlySpan<char> format = decimals switch { 0 => "F0", 1 => "F1", 2 => "F2", _ => "F3" };
        if (value.TryFormat(_chars.AsSpan(Length), out int written, format, CultureInfo.InvariantCulture)) Length += written;
        return this;
    }

    /// <summary>Whether the line reads exactly <paramref name="text"/>.</summary>
    public bool Is(ReadOnlySpan<char> text) => Span.SequenceEqual(text);

    /// <inheritdoc/>
    public override string ToString() => new(Span);
}
