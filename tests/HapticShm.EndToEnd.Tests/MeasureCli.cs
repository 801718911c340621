using System.Text.Json;

namespace HapticShm.EndToEnd.Tests;

/// <summary>Runs a measuring verb of the real CLI with --json (it starts its own jackd and server
/// in a private runtime directory) and returns the parsed output.</summary>
public static class MeasureCli
{
    public static JsonElement RunJson(TimeSpan timeout, Action<string> log, params string[] arguments)
    {
        using var dir = new TempRuntimeDirectory();
        // The server the verbs start is the shipped NativeAOT one, as a user's would be.
        using var process = CliProcess.Start(dir.Path, [("HAPTICSHM_SERVER", ServerProcess.BundledExecutablePath)], [.. arguments, "--json"]);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit((int)timeout.TotalMilliseconds))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"hapticshm {string.Join(' ', arguments)} did not finish in {timeout.TotalSeconds} s");
        }
        process.WaitForExit();
        log($"hapticshm {string.Join(' ', arguments)} --json -> {output.Result.Trim()}");
        Assert.True(process.ExitCode == 0, $"hapticshm {string.Join(' ', arguments)} exited with {process.ExitCode}: {error.Result}");
        using var document = JsonDocument.Parse(output.Result);
        return document.RootElement.Clone();
    }
}
