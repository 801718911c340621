namespace HapticShm.Testing;

/// <summary>What the allocation tests rely on in the test process itself.</summary>
public static class RuntimeSettings
{
    /// <summary>True when the runtime compiles each method once (tests/Directory.Build.props sets
    /// TieredCompilation=false), so it does not re-compile, and allocate, while a window is measured.</summary>
    public static bool TieredCompilationOff =>
        AppContext.GetData("System.Runtime.TieredCompilation") is bool enabled ? !enabled
        : AppContext.GetData("System.Runtime.TieredCompilation") is string text && bool.TryParse(text, out bool parsed) && !parsed;
}
