using System.Runtime.CompilerServices;

namespace HapticShm.Testing;

/// <summary><see cref="SharedToolFactAttribute"/> for a theory: without the program from
/// <c>../shared/tools</c> every case is reported skipped with the reason in its printed name;
/// with <c>HAPTICSHM_REQUIRE_TOOLS=1</c> (CI) it runs and <see cref="SharedTools.Require"/> fails it.</summary>
public sealed class SharedToolTheoryAttribute : TheoryAttribute
{
    /// <param name="tool">The program's file name in ../shared/tools.</param>
    /// <param name="why">What the test does with it.</param>
    /// <param name="file">The test's source file, named after its class (one type per file).</param>
    /// <param name="test">The test method.</param>
    public SharedToolTheoryAttribute(string tool, string why, [CallerFilePath] string file = "", [CallerMemberName] string test = "")
    {
        if (File.Exists(SharedTools.PathOf(tool)) || Environment.GetEnvironmentVariable(RootFactAttribute.RequireVariable) == "1") return;
        Skip = $"needs ../shared/tools/{tool}: {why}";
        DisplayName = $"{Path.GetFileNameWithoutExtension(file)}.{test}: skipped, needs ../shared/tools/{tool}: {why} (not found at {SharedTools.PathOf(tool)}; set {RootFactAttribute.RequireVariable}=1 to make it fail)";
    }
}
