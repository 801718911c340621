namespace HapticShm.Plugin.Tests.Host;

/// <summary>A process as /proc shows it: its state letter and parent, or gone.</summary>
internal static class ProcState
{
    /// <summary>The state letter of /proc/&lt;pid&gt;/stat ('R', 'S', 'T' stopped, 'Z' zombie), or null when gone.</summary>
    public static char? State(int pid) => Field(pid, 0)?[0];

    /// <summary>The parent pid, or null when gone.</summary>
    public static int? ParentPid(int pid) => Field(pid, 1) is string text ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : null;

    // Fields after the command name (which may hold spaces and parentheses): 0 = state, 1 = ppid.
    private static string? Field(int pid, int index)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[index];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
