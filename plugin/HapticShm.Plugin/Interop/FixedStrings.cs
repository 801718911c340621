namespace HapticShm.Plugin.Interop;

/// <summary>Writes managed strings into the fixed-size, zero-terminated char8 / char16 arrays of
/// the VST3 structs (truncating, always terminated).</summary>
internal static unsafe class FixedStrings
{
    public static void Utf8(string value, byte* destination, int size)
    {
        var span = new Span<byte>(destination, size);
        span.Clear();
        // Utf8.FromUtf16 stops at a full destination instead of throwing; the last byte stays 0.
        System.Text.Unicode.Utf8.FromUtf16(value, span[..(size - 1)], out _, out _);
    }

    public static void Utf16(string value, char* destination, int size)
    {
        var span = new Span<char>(destination, size);
        span.Clear();
        value.AsSpan(0, Math.Min(value.Length, size - 1)).CopyTo(span);
    }

    /// <summary>Reads a zero-terminated UTF-16 string of at most <paramref name="size"/> chars.</summary>
    public static string ReadUtf16(char* source, int size)
    {
        var span = new ReadOnlySpan<char>(source, size);
        int end = span.IndexOf('\0');
        return new string(end < 0 ? span : span[..end]);
    }
}
