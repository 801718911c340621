namespace HapticShm.Testing;

/// <summary>
/// The programs in <c>../shared/tools</c> beside the checkout (Steinberg's validator and hosts): not
/// part of the repository, so a clone without them runs the tests that need them as skipped
/// (<see cref="SharedToolFactAttribute"/>); CI has them all.
/// </summary>
public static class SharedTools
{
    /// <summary>Where <paramref name="tool"/> is expected: <c>../shared/tools/</c> next to the
    /// directory holding HapticShm.sln (found above the test's own binaries).</summary>
    public static string PathOf(string tool)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HapticShm.sln")))
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "tools", tool));
        }
        return Path.Combine("..", "shared", "tools", tool);
    }

    /// <summary>The tool's path; fails the test when it is missing (a <see cref="SharedToolFactAttribute"/>
    /// test only runs without it under <c>HAPTICSHM_REQUIRE_TOOLS=1</c>).</summary>
    public static string Require(string tool)
    {
        string path = PathOf(tool);
        if (!File.Exists(path)) Assert.Fail($"{tool} not found at {path}, required with {RootFactAttribute.RequireVariable}=1");
        return path;
    }
}
