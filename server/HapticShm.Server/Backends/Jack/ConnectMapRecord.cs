namespace HapticShm.Server.Backends.Jack;

/// <summary>
/// Where a running server notes the connect map it applied (<c>connect-map.path</c> in the runtime
/// directory: the map's absolute path, one line), so that <c>hapticshm devices</c> can show it
/// without being told. Written at start, removed at exit.
/// </summary>
public static class ConnectMapRecord
{
    public const string FileName = "connect-map.path";

    public static void Write(string runtimeDirectory, string mapPath)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var writer = new StreamWriter(Path.Combine(runtimeDirectory, FileName), options);
        writer.WriteLine(Path.GetFullPath(mapPath));
    }

    /// <summary>The recorded map path, or null when no server recorded one.</summary>
    public static string? TryRead(string runtimeDirectory)
    {
        try
        {
            string text = File.ReadAllText(Path.Combine(runtimeDirectory, FileName)).Trim();
            return text.Length == 0 ? null : text;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static void Delete(string runtimeDirectory) => File.Delete(Path.Combine(runtimeDirectory, FileName));
}
