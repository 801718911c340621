namespace HapticShm.Plugin.Tests.Host;

/// <summary>What this process has mapped, from /proc/self/maps: proof that a ring is (still, or no
/// longer) mapped.</summary>
internal static class ProcessMaps
{
    /// <summary>Mappings of <paramref name="path"/> in this process.</summary>
    public static int CountOf(string path) =>
        File.ReadLines("/proc/self/maps").Count(line => line.EndsWith(" " + path, StringComparison.Ordinal));
}
