using System.CommandLine;
using HapticShm.Cli.Devices;
using HapticShm.Jack;
using HapticShm.Server.Backends.Asio;
using HapticShm.Server.Backends.Jack;
using HapticShm.Shared.Platform;
using HapticShm.Shared.Status;

namespace HapticShm.Cli.Verbs;

/// <summary><c>hapticshm devices</c>: what the server could play to. On Windows the installed
/// ASIO drivers; elsewhere the JACK server and its playback ports. Finding no device is an
/// answer, not a failure: it says so, names the null backend, and exits 0. With a connect map
/// (<c>--connect-map FILE</c>, else the one the running server applied) it prints each of its
/// connections and whether it is live.</summary>
internal static class DevicesVerb
{
    public static Command Create()
    {
        var jackServer = new Option<string?>("--jack-server") { Description = "JACK server name (default: the default server)." };
        var connectMap = new Option<string?>("--connect-map") { Description = "Show this connect map's connections (default: the one the running server applied)." };
        var devices = new Command("devices", "List audio devices: ASIO drivers on Windows, the JACK server, its ports and the connect map elsewhere.") { jackServer, connectMap };
        devices.SetAction(result => OperatingSystem.IsWindows() ? ListAsio() : ListJack(result.GetValue(jackServer), result.GetValue(connectMap)));
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

    private static int ListJack(string? serverName, string? connectMapPath)
    {
        try
        {
            if (!JackClient.IsServerRunning(serverName))
            {
                Console.WriteLine($"no JACK server '{serverName ?? "default"}' is running: start one, e.g. jackd -d alsa (or jackd --no-realtime -d dummy for testing)");
                Console.WriteLine(NullBackendLine);
                return PrintConnectMap(null, connectMapPath, 0);
            }
            using var client = JackClient.Open("hapticshm-devices", serverName);
            Console.WriteLine($"JACK server '{serverName ?? "default"}': {client.SampleRate} Hz, {client.BufferSize} frames per period");
            IReadOnlyList<string> playback = client.GetPorts(null, JackPortDirection.Input, physicalOnly: true);
            Console.WriteLine($"physical playback ports ({playback.Count}):");
            foreach (string port in playback) Console.WriteLine($"  {port}");
            IReadOnlyList<string> ours = client.GetPorts($"{ServerClient}:", JackPortDirection.Output);
            if (ours.Count > 0) Console.WriteLine($"hapticshm server ports: {ours.Count} ({ours[0]} .. {ours[^1]})");
            return PrintConnectMap(client, connectMapPath, ours.Count);
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

    private const string ServerClient = "hapticshm";

    private static int PrintConnectMap(JackClient? client, string? explicitPath, int serverPorts)
    {
        string? path = explicitPath;
        string origin = "given with --connect-map";
        if (path is null)
        {
            try
            {
                path = ConnectMapRecord.TryRead(RuntimePaths.RuntimeDirectory);
            }
            catch (RuntimeDirectoryException)
            {
                path = null; // no usable runtime directory: no server recorded a map
            }
            origin = "applied by the running server";
        }
        if (path is null) return 0;
        try
        {
            // Without a server, check the map against the most ports one can have.
            ConnectMap map = ConnectMap.Load(path, serverPorts > 0 ? serverPorts : StatusBlock.MaxTransducers);
            Console.WriteLine(ConnectMapView.Format(map, client, ServerClient, origin));
            return 0;
        }
        catch (ConnectMapException e)
        {
            Console.Error.WriteLine($"hapticshm devices: connect map: {e.Message}");
            return 1;
        }
    }
}
