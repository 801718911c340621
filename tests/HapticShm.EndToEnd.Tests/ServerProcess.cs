using System.Diagnostics;
using HapticShm.Shared.Platform;
using HapticShm.Shared.Status;

namespace HapticShm.EndToEnd.Tests;

/// <summary>A real hapticshm-server in a private runtime directory, stopped with SIGTERM on dispose.</summary>
public sealed class ServerProcess : IDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, string runtimeDirectory)
    {
        _process = process;
        RuntimeDirectory = runtimeDirectory;
    }

    public string RuntimeDirectory { get; }
    public int Pid => _process.Id;
    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;
    public string SocketPath => Path.Combine(RuntimeDirectory, "server.sock");
    public string StatusPath => Path.Combine(RuntimeDirectory, "status.shm");

    /// <summary>The JIT build next to the tests.</summary>
    public static string ExecutablePath => Path.Combine(AppContext.BaseDirectory, "hapticshm-server");

    /// <summary>The NativeAOT build inside the published plugin bundle: what users run.</summary>
    public static string BundledExecutablePath
    {
        get
        {
            string? directory = AppContext.BaseDirectory;
            while (directory is not null && !File.Exists(Path.Combine(directory, "HapticShm.sln"))) directory = Path.GetDirectoryName(directory);
            Assert.True(directory is not null, "cannot find the repository root above the tests");
            string path = Path.Combine(directory!, "artifacts", "HapticShm.vst3", "Contents", "x86_64-linux", "hapticshm-server");
            Assert.True(File.Exists(path), $"{path} missing: run dotnet publish plugin/HapticShm.Plugin -c Release first (./test.sh does it)");
            return path;
        }
    }

    /// <summary>Starts the server and waits until its status block says ready.</summary>
    public static ServerProcess Start(string runtimeDirectory, params string[] arguments) =>
        StartExecutable(ExecutablePath, runtimeDirectory, arguments);

    public static ServerProcess StartExecutable(string executable, string runtimeDirectory, params string[] arguments)
    {
        var server = LaunchExecutable(executable, runtimeDirectory, arguments);
        server.WaitReady();
        return server;
    }

    public static ServerProcess Launch(string runtimeDirectory, params string[] arguments) =>
        LaunchExecutable(ExecutablePath, runtimeDirectory, arguments);

    public static ServerProcess LaunchExecutable(string executable, string runtimeDirectory, params string[] arguments)
    {
        Assert.True(File.Exists(executable), $"server not built: {executable}");
        var info = new ProcessStartInfo(executable) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string argument in arguments) info.ArgumentList.Add(argument);
        info.Environment[RuntimePaths.OverrideVariable] = runtimeDirectory;
        return new ServerProcess(Process.Start(info)!, runtimeDirectory);
    }

    public unsafe StatusBlock ReadStatus()
    {
        using var status = StatusFile.Open(StatusPath);
        Assert.True(status.TryRead(out StatusBlock block), "status block stayed busy");
        return block;
    }

    public void WaitReady()
    {
        if (!Wait.Until(IsReady, TimeSpan.FromSeconds(20))) Assert.Fail($"server not ready within 20 s\n{Log()}");
    }

    private bool IsReady()
    {
        if (_process.HasExited) Assert.Fail($"server exited with {_process.ExitCode}: {_process.StandardError.ReadToEnd()}\n{Log()}");
        if (!File.Exists(StatusPath) || !File.Exists(SocketPath)) return false;
        try
        {
            return ReadStatus().ReadyNs != 0;
        }
        catch (InvalidDataException)
        {
            return false; // created but not yet initialised
        }
    }

    public bool WaitForExit(TimeSpan timeout) => _process.WaitForExit(timeout);

    public string StandardError() => _process.StandardError.ReadToEnd();

    public string Log()
    {
        string path = Path.Combine(RuntimeDirectory, "server.log");
        try { return File.Exists(path) ? File.ReadAllText(path) : "(no log)"; }
        catch (IOException) { return "(log unreadable)"; }
    }

    public void Terminate() => Signals.Terminate(_process.Id);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Terminate();
            if (!_process.WaitForExit(5000)) _process.Kill();
        }
        _process.Dispose();
    }
}
