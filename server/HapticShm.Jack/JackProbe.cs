using System.Text;
using static HapticShm.Jack.Interop.Jack;

namespace HapticShm.Jack;

/// <summary>
/// Asks, as often as needed, whether a JACK server answers and at what sample rate, allocating
/// nothing per question: the names are encoded once, the client is opened through the raw entry
/// point and closed again at once (it never registers a port or activates).
/// </summary>
/// <remarks>A refused jack_client_open makes libjack print five error lines; asked twice a second
/// that would fill the server's log. While a probe runs, libjack's error messages are dropped;
/// otherwise they go to stderr as libjack's own default does (the handler is installed by the
/// first probe and stays, since libjack keeps one for the whole process).</remarks>
public sealed unsafe class JackProbe
{
    private static int s_quiet;
    private static int s_handlerInstalled;

    private readonly byte[] _clientName;
    private readonly byte[]? _serverName;

    /// <summary>A probe of the server named <paramref name="serverName"/> (null: $JACK_DEFAULT_SERVER or "default").</summary>
    public JackProbe(string? serverName, string clientName = "hapticshm-probe")
    {
        ArgumentException.ThrowIfNullOrEmpty(clientName);
        _clientName = Terminated(clientName);
        _serverName = serverName is null ? null : Terminated(serverName);
        ServerName = serverName ?? Environment.GetEnvironmentVariable("JACK_DEFAULT_SERVER") ?? "default";
    }

    /// <summary>The server asked for, as users know it ("default" unless named).</summary>
    public string ServerName { get; }

    /// <summary>The sample rate of the server if one answers now, else 0 (also when libjack is missing).</summary>
    public int SampleRate()
    {
        InstallErrorHandler();
        int options = JackNoStartServer | (_serverName is null ? JackNullOption : JackServerName);
        int status = 0;
        nint handle;
        Interlocked.Increment(ref s_quiet);
        try
        {
            fixed (byte* client = _clientName, server = _serverName)
                handle = jack_client_open_utf8(client, options, &status, server);
        }
        catch (DllNotFoundException)
        {
            return 0;
        }
        finally
        {
            Interlocked.Decrement(ref s_quiet);
        }
        if (handle == 0) return 0;
        JackTime.MarkClockReady();
        int rate = (int)jack_get_sample_rate(handle);
        _ = jack_client_close(handle);
        return rate;
    }

    private static void InstallErrorHandler()
    {
        if (Interlocked.Exchange(ref s_handlerInstalled, 1) != 0) return;
        try
        {
            jack_set_error_function(&OnError);
        }
        catch (DllNotFoundException)
        {
            // no libjack: nothing will print either
        }
    }

    [System.Runtime.InteropServices.UnmanagedCallersOnly]
    private static void OnError(byte* message)
    {
        if (Volatile.Read(ref s_quiet) != 0 || message is null) return;
        nuint length = 0;
        while (message[length] != 0) length++;
        byte newline = (byte)'\n';
        _ = Interop.Libc.write(2, message, length);
        _ = Interop.Libc.write(2, &newline, 1);
    }

    private static byte[] Terminated(string text)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(text) + 1];
        Encoding.UTF8.GetBytes(text, bytes);
        return bytes;
    }
}
