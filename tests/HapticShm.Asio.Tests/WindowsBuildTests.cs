using System.Diagnostics;

namespace HapticShm.Asio.Tests;

/// <summary>
/// The ASIO code only runs on Windows, so CI proves the server still compiles for win-x64
/// (analyzers included) from here, offline: restore may only use the local package cache.
/// Slow (a full build); filter with <c>Category!=WindowsBuild</c> for a quick run.
/// </summary>
public sealed class WindowsBuildTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("hapticshm-winbuild-").FullName;

    [Fact]
    [Trait("Category", "WindowsBuild")]
    public async Task Server_BuildForWinX64Offline_Succeeds()
    {
        string project = Path.Combine(RepositoryRoot(), "server", "HapticShm.Server", "HapticShm.Server.csproj");
        string emptyFeed = Directory.CreateDirectory(Path.Combine(_scratch, "feed")).FullName;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string arg in new[]
        {
            "build", project, "-r", "win-x64", "--artifacts-path", Path.Combine(_scratch, "artifacts"),
            $"-p:RestoreSources={emptyFeed}", "--disable-build-servers", "-nologo", "-v:q",
        })
        {
            start.ArgumentList.Add(arg);
        }
        // Variables the test host's own MSBuild set must not leak into the child build.
        foreach (string name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(name);

        using Process build = Process.Start(start) ?? throw new InvalidOperationException("cannot start dotnet");
        Task<string> output = build.StandardOutput.ReadToEndAsync();
        Task<string> errors = build.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        bool exited = true;
        try
        {
            await build.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            exited = false;
            build.Kill(entireProcessTree: true);
        }

        Assert.True(exited && build.ExitCode == 0,
            $"dotnet build -r win-x64 failed (offline restore needs microsoft.netcore.app.host.win-x64 and the win-x64 runtime packs in ~/.nuget/packages; run it once online):\n{await output}\n{await errors}");
        Assert.True(File.Exists(Path.Combine(_scratch, "artifacts", "bin", "HapticShm.Server", "debug_win-x64", "hapticshm-server.dll")),
            "the win-x64 server assembly was not produced");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HapticShm.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("HapticShm.sln not found above " + AppContext.BaseDirectory);
    }

    public void Dispose() => Directory.Delete(_scratch, recursive: true);
}
