namespace HapticShm.Jack;

/// <summary>JACK cannot be used; the message says what to install or start.</summary>
public sealed class JackException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The message for a machine without libjack, with this platform's way to install it.</summary>
    public static string LibraryMissingMessage =>
        OperatingSystem.IsWindows() ? "libjack not found: install JACK with the JACK for Windows installer (jackaudio.org/downloads)"
        : OperatingSystem.IsMacOS() ? "libjack not found: install JACK (brew install jack)"
        : "libjack.so.0 not found: install jackd2 (e.g. sudo apt-get install jackd2)";

    /// <summary>The message for a server that does not answer.</summary>
    public static string NoServerMessage(string serverName) =>
        $"no JACK server '{serverName}' is running: start one, e.g. jackd -d alsa (or jackd --no-realtime -d dummy for testing)";
}
