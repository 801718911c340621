namespace HapticShm.Testing;

/// <summary>The developers' tools beside the checkout (<c>../shared/tools</c>): Steinberg's hosts.
/// A clone without them runs green locally and says what it left out; CI has them.</summary>
public static class SharedTools
{
    /// <summary>The path of tool <paramref name="name"/> beside the repository, or null when it is missing.</summary>
    public static string? Find(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "HapticShm.sln"))) continue;
            string path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "tools", name));
            return File.Exists(path) ? path : null;
        }
        return null;
    }

    /// <summary>The tool, or a failed assertion that names where it was looked for.</summary>
    public static string Require(string name) =>
        Find(name) ?? throw new Xunit.Sdk.XunitException($"{name} not found in ../shared/tools beside the checkout (required with {RootFactAttribute.RequireVariable}=1)");
}
