using System.Text;
using HapticShm.Shared;

namespace HapticShm.Server.Logging;

/// <summary>
/// The server's log: lines go to a file in the runtime directory and, in the foreground, to
/// stderr. Lines are formatted into one preallocated buffer through <see cref="LogLine"/>, so
/// logging allocates nothing once running. Never called from the audio callback (that thread
/// only counts; others report). Thread-safe through a lock, which is fine off the audio thread.
/// </summary>
public sealed class ServerLog : IDisposable
{
    private readonly FileStream? _file;
    private readonly Stream? _stderr;
    private readonly char[] _chars = new char[2048];
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
        // The handler entered the gate before formatting into the shared buffer.
        try
        {
            int length = Encoding.UTF8.GetBytes(_chars.AsSpan(0, line.Length), _bytes);
            _bytes[length++] = (byte)'\n';
            _file?.Write(_bytes, 0, length);
            _file?.Flush();
            _stderr?.Write(_bytes, 0, length);
        }
        catch (IOException)
        {
            // A full disk or a closed stderr must not take the server down.
        }
        finally
        {
            _gate.Exit();
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
        _gate.Enter();
        Span<char> buffer = _chars;
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
