using System.Runtime.CompilerServices;

namespace HapticShm.Testing;

/// <summary>A theory that needs a tool from <c>../shared/tools</c>. Without it the theory is
/// reported skipped, with the reason in its name (dotnet test prints only a skipped test's name at
/// its default verbosity); with <c>HAPTICSHM_REQUIRE_TOOLS=1</c> (CI) it runs and the test's own
/// <see cref="SharedTools.Require"/> fails it.</summary>
public sealed class SharedToolTheoryAttribute : TheoryAttribute
{
    /// <param name="tool">The tool's file name in ../shared/tools.</param>
    /// <param name="what">What the test checks with it.</param>
    /// <param name="file">The test's source file, named after its class (one type per file).</param>
    /// <param name="test">The test method.</param>
    public SharedToolTheoryAttribute(string tool, string what, [CallerFilePath] string file = "", [CallerMemberName] string test = "")
    {
        if (SharedTools.Find(tool) is not null || Environment.GetEnvironmentVariable(RootFactAttribute.RequireVariable) == "1") return;
        Skip = $"{tool} not found ({what})";
        DisplayName = $"{Path.GetFileNameWithoutExtension(file)}.{test}: skipped, {tool} not found in ../shared/tools ({what})";
    }
}
