using System.Diagnostics;
using HapticShm.Jack;

namespace HapticShm.Server.Tests.Jack;

/// <summary>
/// A private jackd for tests: "jackd -R -n NAME -d dummy -r 48000 -p 64 -P 32 -C 0", a named
/// server so parallel runs cannot collide. Its log is kept (xruns are attributed from it).
/// Realtime (-R; jackd falls back to normal scheduling where it is not allowed) because with
/// --no-realtime on this shared 2-core machine (load average 16) a 5 s run logged ~500 driver
/// xruns and 361 "client not finished" for a client whose callback takes microseconds: the
/// scheduler, not the client, missed the deadlines. With -R the same run logged 4 and 2.
/// </summary>
public sealed class JackdProcess : IDisposable
{
    public const string MissingMessage = "jackd not found: install jackd2 (./test.sh does it as root)";
    public const string DriverXrunLine = "JackTimedDriver::Process XRun";

    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(5);
    private readonly Process _process;
    private readonly List<string> _log = [];

    private JackdProcess(Process process, string serverName)
    {
        _process = process;
        ServerName = serverName;
    }

    public string ServerName { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Starts jackd and returns once a client can connect (or fails within ~5 s).</summary>
    public static JackdProcess Start(string serverName, int periodFrames = 64, int playbackPorts = 32)
    {
        string jackd = FindOnPath("jackd") ?? throw new InvalidOperationException(MissingMessage);
        var info = new ProcessStartInfo(jackd)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[] { "-R", "-n", serverName, "-d", "dummy", "-r", "48000", "-p", $"{periodFrames}", "-P", $"{playbackPorts}", "-C", "0" })
            info.ArgumentList.Add(arg);
        var process = Process.Start(info) ?? throw new InvalidOperationException("jackd did not start");
        var jackdProcess = new JackdProcess(process, serverName);
        process.OutputDataReceived += (_, e) => jackdProcess.Append(e.Data);
        process.ErrorDataReceived += (_, e) => jackdProcess.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            jackdProcess.WaitUntilReady();
        }
        catch
        {
            jackdProcess.Dispose();
            throw;
        }
        return jackdProcess;
    }

    /// <summary>Log lines containing <paramref name="text"/> so far.</summary>
    public int CountLog(string text)
    {
        lock (_log) return _log.Count(line => line.Contains(text, StringComparison.Ordinal));
    }

    public string Log()
    {
        lock (_log) return string.Join('\n', _log);
    }

    /// <summary>SIGTERM, then kill after 3 s.</summary>
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _ = Interop.Libc.kill(_process.Id, Interop.Libc.SIGTERM);
            if (!_process.WaitForExit(3000)) _process.Kill(entireProcessTree: true);
        }
        _process.WaitForExit();
        _process.Dispose();
    }

    private void WaitUntilReady()
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < ReadyTimeout)
        {
            if (_process.HasExited) throw new InvalidOperationException($"jackd exited with {_process.ExitCode}:\n{Log()}");
            if (JackClient.IsServerRunning(ServerName)) return;
            Thread.Sleep(50);
        }
        throw new TimeoutException($"jackd '{ServerName}' did not accept a client within {ReadyTimeout.TotalSeconds} s:\n{Log()}");
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_log) _log.Add(line);
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
}
