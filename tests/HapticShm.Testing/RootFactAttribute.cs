using System.Runtime.CompilerServices;
using HapticShm.Shared.Platform;

namespace HapticShm.Testing;

/// <summary>A fact that needs root (chown, setpriv). Run as another user it is reported skipped,
/// so a local run stays green and says what it left out: dotnet test prints only a skipped test's
/// name at its default verbosity, so the name carries the reason,
/// "PeerUserTests.ClientOfAnotherUser_IsRefusedWithASentence: skipped, needs root: ...".
/// With <c>HAPTICSHM_REQUIRE_TOOLS=1</c> (CI, which runs as root) it is never skipped: the
/// test's own root check fails it instead.</summary>
public sealed class RootFactAttribute : FactAttribute
{
    /// <summary>Set to 1 by CI: what a local run may skip is required.</summary>
    public const string RequireVariable = "HAPTICSHM_REQUIRE_TOOLS";

    /// <param name="why">What the test does that needs root.</param>
    /// <param name="file">The test's source file, named after its class (one type per file).</param>
    /// <param name="test">The test method.</param>
    public RootFactAttribute(string why, [CallerFilePath] string file = "", [CallerMemberName] string test = "")
    {
        if (CurrentUser.Uid == 0 || Environment.GetEnvironmentVariable(RequireVariable) == "1") return;
        Skip = $"needs root: {why}";
        DisplayName = $"{Path.GetFileNameWithoutExtension(file)}.{test}: skipped, needs root: {why} (run as root, or set {RequireVariable}=1 to make it fail)";
    }
}
