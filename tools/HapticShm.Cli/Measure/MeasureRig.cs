using HapticShm.Cli.ServerControl;
using HapticShm.Jack;
using HapticShm.Shared.Platform;
using HapticShm.Shared.Status;

namespace HapticShm.Cli.Measure;

/// <summary>
/// What a measurement runs on: a private runtime directory (set for this process and its
/// children, so a running server is never disturbed), a JACK server (a private dummy-driver
/// jackd, or a named one the user gave), and a hapticshm-server on it that can be killed and
/// relaunched. Disposing stops everything it started.
/// </summary>
internal sealed class MeasureRig : IDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(10);
    private readonly JackdLauncher? _jackd;
    private readonly string? _jackServer;
    private readonly string _backend;

    private MeasureRig(JackdLauncher? jackd, string? jackServer, string backend)
    {
        _jackd = jackd;
        _jackServer = jackServer;
        _backend = backend;
        RuntimeDirectory = Path.Combine(Path.GetTempPath(), $"hapticshm-measure-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");
        Directory.CreateDirectory(RuntimeDirectory);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(RuntimeDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Environment.SetEnvironmentVariable(RuntimePaths.OverrideVariable, RuntimeDirectory);
    }

    public string RuntimeDirectory { get; }

    /// <summary>The JACK server's name (null: the default server, or no JACK at all).</summary>
    public string? JackServer => _jackd?.ServerName ?? _jackServer;

    /// <summary>True when the server renders into JACK (a capture can listen).</summary>
    public bool OnJack => _backend == "jack";

    /// <summary>Driver xruns of our private jackd (0 for a JACK server we did not start).</summary>
    public int DriverXruns => _jackd?.DriverXruns ?? 0;

    public int ServerPid { get; private set; }

    /// <summary>Whether the audio graph runs real-time: our jackd's threads are SCHED_FIFO/RR; for
    /// a JACK server we did not start, whether this user may have real-time threads at all.</summary>
    public bool Realtime => _jackd?.RunsRealtime ?? RealtimeScheduling.Allowed();

    /// <summary>Waits (up to 3 s) until JACK has removed the ports of a killed server, so that the
    /// next server gets the name "hapticshm" again and a capture does not listen to a corpse.</summary>
    public void WaitServerPortsGone()
    {
        if (!OnJack) return;
        using var probe = JackClient.Open("hapticshm-measure-probe", JackServer);
        for (int i = 0; i < 300 && probe.GetPorts("hapticshm:out_", JackPortDirection.Output).Count > 0; i++) Thread.Sleep(10);
    }

    /// <summary>A rig on <paramref name="jackServer"/> if given, else on a private jackd with
    /// <paramref name="periodFrames"/> frames per period.</summary>
    public static MeasureRig OnJackServer(string? jackServer, int periodFrames)
    {
        if (jackServer is not null)
        {
            if (!JackClient.IsServerRunning(jackServer)) throw new InvalidOperationException($"no JACK server named '{jackServer}' answers");
            return new MeasureRig(null, jackServer, "jack");
        }
        return new MeasureRig(JackdLauncher.Start(periodFrames), null, "jack");
    }

    /// <summary>Jack if the named or default JACK server answers, else a private jackd if jackd is
    /// installed, else the null backend.</summary>
    public static MeasureRig Best(string? jackServer, int periodFrames)
    {
        if (JackClient.IsServerRunning(jackServer)) return new MeasureRig(null, jackServer, "jack");
        if (jackServer is null && JackdLauncher.FindJackd() is not null) return new MeasureRig(JackdLauncher.Start(periodFrames), null, "jack");
        return new MeasureRig(null, null, "null");
    }

    /// <summary>Launches the server (ServerLauncher) and waits until it is ready.</summary>
    public StatusBlock StartServer()
    {
        var arguments = new List<string> { "--backend", _backend, "--idle-exit", "0" };
        if (JackServer is not null) arguments.AddRange(["--jack-server", JackServer]);
        StatusBlock status = ServerLauncher.StartAsync(arguments, ReadyTimeout).GetAwaiter().GetResult();
        ServerPid = status.ServerPid;
        return status;
    }

    /// <summary>kill -9 of the server: no goodbye, sockets and mappings just vanish.</summary>
    public void KillServer()
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(ServerPid);
            process.Kill();
            process.WaitForExit(5000);
        }
        catch (ArgumentException)
        {
            // already gone
        }
    }

    public bool ServerAlive => ServerProbe.IsAlive(ServerPid);

    /// <summary>A consistent copy of the live server's status block.</summary>
    public StatusBlock ReadStatus() =>
        ServerProbe.TryReadStatus() is StatusBlock status && status.ServerPid == ServerPid
            ? status
            : throw new InvalidOperationException($"the server (pid {ServerPid}) is not running; see {RuntimePaths.ServerLogPath}");

    /// <summary>A capture client recording out_1..out_<paramref name="channels"/> of the server.</summary>
    public JackCaptureClient StartCapture(int channels, double seconds)
    {
        var ports = Enumerable.Range(1, channels).Select(i => $"hapticshm:out_{i}").ToArray();
        var capture = new JackCaptureClient(ports, seconds, "hapticshm-measure", JackServer);
        try
        {
            capture.Start();
        }
        catch
        {
            capture.Dispose();
            throw;
        }
        return capture;
    }

    public void Dispose()
    {
        if (ServerAlive)
        {
            Interop.Signals.Terminate(ServerPid);
            for (int i = 0; i < 300 && ServerAlive; i++) Thread.Sleep(10);
            if (ServerAlive) KillServer();
        }
        _jackd?.Dispose();
        try { Directory.Delete(RuntimeDirectory, recursive: true); } catch (IOException) { }
    }
}
