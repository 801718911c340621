using System.Text;
using HapticShm.Shared;

namespace HapticShm.Server.Logging;

/// <summary>
/// The server's log: lines go to a file in the runtime directory and, in the foreground, to
/// stderr. Lines are formatted through <see cref="LogLine"/> into a buffer of the calling thread
/// (allocated on its first line), without the lock; <see cref="Write(ref LogLine)"/> then takes
/// the lock only to encode and write, inside one try/finally, so no exception can leave it held.
/// Logging allocates nothing once running. Never called from the audio callback (that thread
/// only counts; others report). The lock is fine off the audio thread.
/// </summary>
public sealed class ServerLog : IDisposable
{
    private const int LineChars = 2048;

    // Each thread formats into its own line: nothing shared, so nothing to lock while formatting.
    [ThreadStatic] private static char[]? t_line;

    private readonly FileStream? _file;
    private readonly Stream? _stderr;
    private readonly byte[] _bytes = new byte[8192];
    private readonly long _startNs = MonotonicClock.NowNs();
    private readonly Lock _gate = new();

    public ServerLog(string? filePath, bool toStderr)
    {
        if (filePath is not null)
        {
            var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.ReadWrite };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            _file = new FileStream(filePath, options);
        }
        if (toStderr) _stderr = Console.OpenStandardError();
    }

    /// <summary>Writes one line: <c>[  12.345] message</c> (seconds since the server started).</summary>
    public void Write([System.Runtime.CompilerServices.InterpolatedStringHandlerArgument("")] ref LogLine line)
    {
        ReadOnlySpan<char> text = line.Text;
        lock (_gate) // the only place the lock is taken: released by the lock statement's finally
        {
            try
            {
                int length = Encoding.UTF8.GetBytes(text, _bytes);
                _bytes[length++] = (byte)'\n';
                _file?.Write(_bytes, 0, length);
                _file?.Flush();
                _stderr?.Write(_bytes, 0, length);
            }
            catch (IOException)
            {
                // A full disk or a closed stderr must not take the server down.
            }
        }
    }

    /// <summary>Writes a literal line.</summary>
    public void Write(string message)
    {
        LogLine line = new(message.Length, 0, this);
        line.AppendLiteral(message);
        Write(ref line);
    }

    internal Span<char> BeginLine(out int prefixLength)
    {
        Span<char> buffer = t_line ??= new char[LineChars];
        double seconds = (MonotonicClock.NowNs() - _startNs) / 1e9;
        buffer[0] = '[';
        seconds.TryFormat(buffer[1..], out int written, "0.000", System.Globalization.CultureInfo.InvariantCulture);
        buffer[1 + written] = ']';
        buffer[2 + written] = ' ';
        prefixLength = written + 3;
        return buffer;
    }

    public void Dispose()
    {
        _file?.Dispose();
        _stderr?.Dispose();
    }
}
