using System.Diagnostics;

namespace HapticShm.Jack;

/// <summary>
/// A private jackd on the dummy driver ("jackd -R -n NAME -d dummy -r 48000 -p B -P 32 -C 0"),
/// named so it cannot collide with another; used by the CLI's measuring verbs and by the tests.
/// Its log is kept: driver xruns are counted from it. Realtime (-R; jackd falls back to normal
/// scheduling where it is not allowed) because with --no-realtime on a loaded 2-core machine the
/// scheduler, not the client, misses most deadlines.
/// </summary>
public sealed class JackdLauncher : IDisposable
{
    /// <summary>What to tell a user without jackd.</summary>
    public const string MissingMessage = "jackd not found: install jackd2 (sudo apt-get install jackd2)";

    /// <summary>The line jackd's dummy driver logs for each driver xrun.</summary>
    public const string DriverXrunLine = "JackTimedDriver::Process XRun";

    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(5);
    private readonly Process _process;
    private readonly List<string> _log = [];

    private JackdLauncher(Process process, string serverName)
    {
        _process = process;
        ServerName = serverName;
    }

    /// <summary>The JACK server name clients pass to connect to this jackd.</summary>
    public string ServerName { get; }

    /// <summary>True once jackd has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>jackd on PATH, or null.</summary>
    public static string? FindJackd() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "jackd"))
            .FirstOrDefault(File.Exists);

    /// <summary>Starts a jackd with a fresh name and returns once a client can connect.</summary>
    public static JackdLauncher Start(int periodFrames, int playbackPorts = 32) =>
        Start("hs-jackd-" + Guid.NewGuid().ToString("N")[..8], periodFrames, playbackPorts);

    /// <summary>Starts jackd named <paramref name="serverName"/> and returns once a client can
    /// connect; throws naming what to install, or with jackd's log when it did not come up in 5 s.</summary>
    public static JackdLauncher Start(string serverName, int periodFrames = 64, int playbackPorts = 32)
    {
        string jackd = FindJackd() ?? throw new InvalidOperationException(MissingMessage);
        var info = new ProcessStartInfo(jackd) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in new[] { "-R", "-n", serverName, "-d", "dummy", "-r", "48000", "-p", $"{periodFrames}", "-P", $"{playbackPorts}", "-C", "0" })
            info.ArgumentList.Add(arg);
        var process = Process.Start(info) ?? throw new InvalidOperationException("jackd did not start");
        var launcher = new JackdLauncher(process, serverName);
        process.OutputDataReceived += (_, e) => launcher.Append(e.Data);
        process.ErrorDataReceived += (_, e) => launcher.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var clock = Stopwatch.StartNew();
        while (!JackClient.IsServerRunning(serverName))
        {
            if (process.HasExited || clock.Elapsed > ReadyTimeout)
            {
                launcher.Dispose();
                throw new InvalidOperationException($"jackd '{serverName}' did not accept a client within {ReadyTimeout.TotalSeconds} s:\n{launcher.Log()}");
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
    public int DriverXruns => CountLog(DriverXrunLine);

    /// <summary>Log lines containing <paramref name="text"/> so far.</summary>
    public int CountLog(string text)
    {
        lock (_log) return _log.Count(line => line.Contains(text, StringComparison.Ordinal));
    }

    /// <summary>jackd's output so far.</summary>
    public string Log()
    {
        lock (_log) return string.Join('\n', _log);
    }

    /// <summary>SIGTERM, then kill after 10 s. A killed jackd leaves its name in libjack's
    /// registry of servers (eight places, /dev/shm/jack-shm-registry) for good, and a busy machine
    /// can take a few seconds to let it finish cleanly.</summary>
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _ = Interop.Libc.kill(_process.Id, Interop.Libc.SIGTERM);
            if (!_process.WaitForExit(10_000)) _process.Kill(entireProcessTree: true);
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
