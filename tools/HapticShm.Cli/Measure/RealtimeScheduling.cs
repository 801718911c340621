namespace HapticShm.Cli.Measure;

/// <summary>Whether this user may run real-time threads (what jackd -R and its clients need).</summary>
internal static class RealtimeScheduling
{
    /// <summary>True as root or with a soft RLIMIT_RTPRIO above 0 (Linux); true elsewhere (not checked).</summary>
    public static bool Allowed()
    {
        if (!OperatingSystem.IsLinux()) return true;
        if (Environment.UserName == "root") return true;
        foreach (string line in File.ReadLines("/proc/self/limits"))
        {
            if (!line.StartsWith("Max realtime priority", StringComparison.Ordinal)) continue;
            string[] fields = line["Max realtime priority".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return fields.Length > 0 && (fields[0] == "unlimited" || (int.TryParse(fields[0], out int soft) && soft > 0));
        }
        return false;
    }
}
