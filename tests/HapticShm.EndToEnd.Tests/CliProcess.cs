using System.Diagnostics;
using HapticShm.Shared.Platform;

namespace HapticShm.EndToEnd.Tests;

/// <summary>Runs the real `hapticshm` CLI against a runtime directory.</summary>
public static class CliProcess
{
    public static Process Start(string runtimeDirectory, params string[] arguments) => Start(runtimeDirectory, [], arguments);

    public static Process Start(string runtimeDirectory, (string Name, string Value)[] environment, params string[] arguments)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "hapticshm.dll");
        Assert.True(File.Exists(dll), $"CLI not built: {dll}");
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(dll);
        foreach (string argument in arguments) info.ArgumentList.Add(argument);
        info.Environment[RuntimePaths.OverrideVariable] = runtimeDirectory;
        foreach (var (name, value) in environment) info.Environment[name] = value;
        return Process.Start(info)!;
    }

    public static (int ExitCode, string Output, string Error) Run(string runtimeDirectory, params string[] arguments)
    {
        using var process = Start(runtimeDirectory, arguments);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(60_000), $"hapticshm {string.Join(' ', arguments)} did not finish in 60 s");
        return (process.ExitCode, output.Result, error.Result);
    }
}
