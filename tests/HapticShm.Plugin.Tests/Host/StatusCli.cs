using System.Diagnostics;
using System.Text.Json;
using HapticShm.Shared.Platform;

namespace HapticShm.Plugin.Tests.Host;

/// <summary>`hapticshm status --json` from the CLI's own build output (same configuration as the tests).</summary>
internal static class StatusCli
{
    public static JsonDocument Run(string runtimeDirectory)
    {
        // .../tests/HapticShm.Plugin.Tests/bin/<Configuration>/<tfm>/
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string configuration = output.Parent!.Name, framework = output.Name;
        string dll = Path.Combine(NativeModule.RepositoryRoot(), "tools", "HapticShm.Cli", "bin", configuration, framework, "hapticshm.dll");
        Assert.True(File.Exists(dll), $"CLI not built: {dll} (dotnet build tools/HapticShm.Cli -c {configuration})");
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("status");
        info.ArgumentList.Add("--json");
        info.Environment[RuntimePaths.OverrideVariable] = runtimeDirectory;
        using Process process = Process.Start(info)!;
        var json = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(60_000), "hapticshm status --json did not finish in 60 s");
        Assert.True(process.ExitCode == 0, $"hapticshm status --json exited {process.ExitCode}: {error.Result}");
        return JsonDocument.Parse(json.Result);
    }
}
