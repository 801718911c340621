using System.CommandLine;
using HapticShm.Jack;
using HapticShm.Server.Backends.Asio;

namespace HapticShm.Cli.Verbs;

/// <summary><c>hapticshm devices</c>: what the server could play to. On Windows the installed
/// ASIO drivers; elsewhere the JACK server and its playback ports. Finding no device is an
/// answer, not a failure: it says so, names the null backend, and exits 0.</summary>
internal static class DevicesVerb
{
    public static Command Create()
    {
        var jackServer = new Option<string?>("--jack-server") { Description = "JACK server name (default: the default server)." };
        var devices = new Command("devices", "List audio devices: ASIO drivers on Windows, the JACK server and its ports elsewhere.") { jackServer };
        devices.SetAction(result => OperatingSystem.IsWindows() ? ListAsio() : ListJack(result.GetValue(jackServer)));
        return devices;
    }

    [System.Runtime.Versioning.SupportedOSPlatform("windows")]
    private static int ListAsio()
    {
        IReadOnlyList<AsioDriverEntry> drivers = AsioDriverRegistry.List();
        if (drivers.Count == 0)
        {
            Console.WriteLine("no ASIO driver is installed (HKLM\\SOFTWARE\\ASIO is empty)");
            Console.WriteLine(NullBackendLine);
            return 0;
        }
        for (int i = 0; i < drivers.Count; i++)
            Console.WriteLine($"[{i}] {drivers[i].Description} (key {drivers[i].Name}, CLSID {drivers[i].Clsid:B})");
        Console.WriteLine("use: hapticshm server run --backend asio --device \"<name or index>\" [--channels 0-31]");
        return 0;
    }

    private const string NullBackendLine = "available: the null backend (no device; the server keeps time and renders silently: hapticshm server start --backend null)";

    private static int ListJack(string? serverName)
    {
        try
        {
            if (!JackClient.IsServerRunning(serverName))
            {
                Console.WriteLine($"no JACK server '{serverName ?? "default"}' is running: start one, e.g. jackd -d alsa (or jackd --no-realtime -d dummy for testing)");
                Console.WriteLine(NullBackendLine);
                return 0;
            }
            using var client = JackClient.Open("hapticshm-devices", serverName);
            Console.WriteLine($"JACK server '{serverName ?? "default"}': {client.SampleRate} Hz, {client.BufferSize} frames per period");
            IReadOnlyList<string> playback = client.GetPorts(null, JackPortDirection.Input, physicalOnly: true);
            Console.WriteLine($"physical playback ports ({playback.Count}):");
            foreach (string port in playback) Console.WriteLine($"  {port}");
            IReadOnlyList<string> ours = client.GetPorts("hapticshm:", JackPortDirection.Output);
            if (ours.Count > 0) Console.WriteLine($"hapticshm server ports: {ours.Count} ({ours[0]} .. {ours[^1]})");
            return 0;
        }
        catch (DllNotFoundException)
        {
            Console.WriteLine(JackException.LibraryMissingMessage);
            Console.WriteLine(NullBackendLine);
            return 0;
        }
        catch (JackException e)
        {
            Console.Error.WriteLine($"hapticshm devices: {e.Message}");
            return 1;
        }
    }
}
