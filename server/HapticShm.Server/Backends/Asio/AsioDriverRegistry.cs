using System.Globalization;
using System.Runtime.Versioning;
using Microsoft.Win32;

namespace HapticShm.Server.Backends.Asio;

/// <summary>Installed ASIO drivers: one subkey per driver under HKLM\SOFTWARE\ASIO holding
/// the CLSID and a Description.</summary>
[SupportedOSPlatform("windows")]
public static class AsioDriverRegistry
{
    private const string AsioKey = @"SOFTWARE\ASIO";

    /// <summary>Every driver with a parsable CLSID, in registry order.</summary>
    public static IReadOnlyList<AsioDriverEntry> List()
    {
        var drivers = new List<AsioDriverEntry>();
        using RegistryKey? root = Registry.LocalMachine.OpenSubKey(AsioKey);
        if (root is null) return drivers;
        foreach (string name in root.GetSubKeyNames())
        {
            using RegistryKey? key = root.OpenSubKey(name);
            if (key?.GetValue("CLSID") is not string clsid || !Guid.TryParse(clsid, out Guid guid)) continue;
            string description = key.GetValue("Description") as string ?? name;
            drivers.Add(new AsioDriverEntry(name, guid, description));
        }
        return drivers;
    }

    /// <summary>The driver named (key name or description, case-insensitive) or indexed by
    /// <paramref name="nameOrIndex"/>; null picks the first.</summary>
    public static AsioDriverEntry Find(string? nameOrIndex)
    {
        IReadOnlyList<AsioDriverEntry> drivers = List();
        if (drivers.Count == 0)
            throw new AudioBackendException("no ASIO driver is installed (HKLM\\SOFTWARE\\ASIO is empty); install your interface's ASIO driver or ASIO4ALL");
        if (nameOrIndex is null) return drivers[0];
        if (int.TryParse(nameOrIndex, NumberStyles.None, CultureInfo.InvariantCulture, out int index))
        {
            return (uint)index < (uint)drivers.Count
                ? drivers[index]
                : throw new AudioBackendException($"ASIO driver index {index} does not exist; {drivers.Count} installed: {Names(drivers)}");
        }
        foreach (AsioDriverEntry driver in drivers)
        {
            if (string.Equals(driver.Name, nameOrIndex, StringComparison.OrdinalIgnoreCase)
                || string.Equals(driver.Description, nameOrIndex, StringComparison.OrdinalIgnoreCase))
                return driver;
        }
        throw new AudioBackendException($"no ASIO driver named \"{nameOrIndex}\"; installed: {Names(drivers)}");
    }

    private static string Names(IReadOnlyList<AsioDriverEntry> drivers) => string.Join(", ", drivers.Select(d => d.Name));
}
