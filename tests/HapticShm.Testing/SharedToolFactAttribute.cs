using System.Runtime.CompilerServices;

namespace HapticShm.Testing;

/// <summary>A fact that needs a program from <c>../shared/tools</c> beside the checkout. Without it
/// the test is reported skipped with the reason in its printed name (dotnet test prints only a
/// skipped test's name at its default verbosity): "SdkEditorHostTests.X: skipped, needs
/// ../shared/tools/vst3-editorhost: ...". With <c>HAPTICSHM_REQUIRE_TOOLS=1</c> (CI) it is never
/// skipped: <see cref="SharedTools.Require"/> in the test fails it instead.</summary>
public sealed class SharedToolFactAttribute : FactAttribute
{
    /// <param name="tool">The program's file name in ../shared/tools.</param>
    /// <param name="why">What the test does with it.</param>
    /// <param name="file">The test's source file, named after its class (one type per file).</param>
    /// <param name="test">The test method.</param>
    public SharedToolFactAttribute(string tool, string why, [CallerFilePath] string file = "", [CallerMemberName] string test = "")
    {
        if (File.Exists(SharedTools.PathOf(tool)) || Environment.GetEnvironmentVariable(RootFactAttribute.RequireVariable) == "1") return;
        Skip = $"needs ../shared/tools/{tool}: {why}";
        DisplayName = $"{Path.GetFileNameWithoutExtension(file)}.{test}: skipped, needs ../shared/tools/{tool}: {why} (not found at {SharedTools.PathOf(tool)}; set {RootFactAttribute.RequireVariable}=1 to make it fail)";
    }
}
