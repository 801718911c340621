using HapticShm.Server.Backends;
using HapticShm.Server.Hosting;
using HapticShm.Shared.Platform;

namespace HapticShm.Server.Tests.Hosting;

/// <summary>Runs <see cref="ServerHost"/> in this process against a runtime directory of the
/// test's, with a backend of the test's, capturing what it prints on stderr.</summary>
public static class InProcessServer
{
    public static (int ExitCode, string Error) Run(string runtimeDirectory, IAudioBackend backend, params string[] arguments)
    {
        string? previous = Environment.GetEnvironmentVariable(RuntimePaths.OverrideVariable);
        TextWriter stderr = Console.Error;
        var captured = new StringWriter();
        Environment.SetEnvironmentVariable(RuntimePaths.OverrideVariable, runtimeDirectory);
        Console.SetError(captured);
        try
        {
            int exitCode = ServerHost.Run(ServerOptions.Parse(arguments), (options, channels, log) =>
            {
                backend.Open(channels);
                return backend;
            });
            return (exitCode, captured.ToString());
        }
        finally
        {
            Console.SetError(stderr);
            Environment.SetEnvironmentVariable(RuntimePaths.OverrideVariable, previous);
        }
    }
}
