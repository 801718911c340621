using System.Diagnostics;
using HapticShm.Jack;

namespace HapticShm.Cli.Measure;

/// <summary>
/// A private jackd on the dummy driver ("jackd -R -n NAME -d dummy -r 48000 -p B -P 32 -C 0"),
/// named so it cannot collide with another. Its log is kept: driver xruns are counted from it.
/// </summary>
internal sealed class JackdLauncher : IDisposable
{
    public const string DriverXrunLine = "JackTimedDriver::Process XRun";
    private readonly Process _process;
    private readonly List<string> _log = [];

    private JackdLauncher(Process process, string serverName)
    {
        _process = process;
        ServerName = serverName;
    }

    public string ServerName { get; }

    /// <summary>jackd on PATH, or null.</summary>
    public static string? FindJackd() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "jackd"))
            .FirstOrDefault(File.Exists);

    /// <summary>Starts jackd and returns once a client can connect; throws naming what to install.</summary>
    public static JackdLauncher Start(int periodFrames, int playbackPorts = 32)
    {
        string jackd = FindJackd() ?? throw new InvalidOperationException("jackd not found: install jackd2");
        string name = "hs-measure-" + Guid.NewGuid().ToString("N")[..8];
        var info = new ProcessStartInfo(jackd) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in new[] { "-R", "-n", name, "-d", "dummy", "-r", "48000", "-p", $"{periodFrames}", "-P", $"{playbackPorts}", "-C", "0" })
            info.ArgumentList.Add(arg);
        var process = Process.Start(info) ?? throw new InvalidOperationException("jackd did not start");
        var launcher = new JackdLauncher(process, name);
        process.OutputDataReceived += (_, e) => launcher.Append(e.Data);
        process.ErrorDataReceived += (_, e) => launcher.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var clock = Stopwatch.StartNew();
        while (!JackClient.IsServerRunning(name))
        {
            if (process.HasExited || clock.Elapsed > TimeSpan.FromSeconds(5))
            {
                launcher.Dispose();
                throw new InvalidOperationException($"jackd '{name}' did not accept a client within 5 s:\n{launcher.Log()}");
            }
            Thread.Sleep(20);
        }
        return launcher;
    }

    /// <summary>True if any jackd thread runs SCHED_FIFO or SCHED_RR, i.e. -R was granted (Linux).</summary>
    public bool RunsRealtime
    {
        get
        {
            if (!OperatingSystem.IsLinux()) return true;
            foreach (string task in Directory.EnumerateDirectories($"/proc/{_process.Id}/task"))
            {
                try
                {
                    string stat = File.ReadAllText(Path.Combine(task, "stat"));
                    // Fields after "(comm) ": state is field 3, policy is field 41.
                    string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                    if (fields.Length > 38 && fields[38] is "1" or "2") return true;
                }
                catch (IOException)
                {
                    // the thread ended
                }
            }
            return false;
        }
    }

    /// <summary>Driver xruns jackd logged so far.</summary>
    public int DriverXruns
    {
        get { lock (_log) return _log.Count(line => line.Contains(DriverXrunLine, StringComparison.Ordinal)); }
    }

    public string Log()
    {
        lock (_log) return string.Join('\n', _log);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Interop.Signals.Terminate(_process.Id);
            if (!_process.WaitForExit(3000)) _process.Kill(entireProcessTree: true);
        }
        _process.WaitForExit();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_log) _log.Add(line);
    }
}
