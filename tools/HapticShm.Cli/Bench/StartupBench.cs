using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using HapticShm.Cli.ServerControl;
using HapticShm.Shared;
using HapticShm.Shared.Handshake;

namespace HapticShm.Cli.Bench;

/// <summary>
/// <c>hapticshm bench startup</c>: starts the server N times in a private runtime directory
/// (so a running server is not disturbed) and measures from process start until a client
/// completes the handshake. Reports the median.
/// </summary>
internal static class StartupBench
{
    public static int Run(int runs, string? serverPath, bool json)
    {
        string executable = serverPath ?? ServerLauncher.ExecutablePath();
        bool nativeAot = !File.Exists(Path.ChangeExtension(executable, ".dll"));
        var times = new List<double>();
        for (int i = 0; i < runs; i++)
        {
            string directory = Path.Combine(Path.GetTempPath(), $"hapticshm-startup-{Environment.ProcessId}-{i}");
            try
            {
                times.Add(MeasureOnce(executable, directory));
            }
            catch (Exception e) when (e is TimeoutException or InvalidOperationException)
            {
                Console.Error.WriteLine($"hapticshm bench startup: {e.Message}");
                return 1;
            }
            finally
            {
                try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
            }
        }
        times.Sort();
        var result = new StartupBenchResult(Math.Round(times[times.Count / 2], 2), Math.Round(times[0], 2), Math.Round(times[^1], 2), runs, executable, nativeAot);
        if (json) Console.WriteLine(JsonSerializer.Serialize(result, CliJsonContext.Default.StartupBenchResult));
        else Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"server start to handshake-ready ({(nativeAot ? "NativeAOT" : "JIT")} {executable}): median {result.MedianMs} ms, min {result.MinMs} ms, max {result.MaxMs} ms over {runs} runs"));
        return 0;
    }

    private static double MeasureOnce(string executable, string runtimeDirectory)
    {
        var info = new ProcessStartInfo(executable) { UseShellExecute = false, RedirectStandardError = true };
        foreach (string argument in new[] { "--backend", "null", "--idle-exit", "0" }) info.ArgumentList.Add(argument);
        info.Environment[HapticShm.Shared.Platform.RuntimePaths.OverrideVariable] = runtimeDirectory;
        string socket = Path.Combine(runtimeDirectory, "server.sock");
        long start = MonotonicClock.NowNs();
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {executable}");
        try
        {
            while (true)
            {
                if (process.HasExited) throw new InvalidOperationException($"{executable} exited with code {process.ExitCode}: {process.StandardError.ReadToEnd().Trim()}");
                if (MonotonicClock.NowNs() - start > 10_000_000_000) throw new TimeoutException($"{executable} did not answer within 10 s");
                try
                {
                    using ServerSession session = HandshakeClient.Connect("hapticshm bench startup", socket, 1000);
                    return (MonotonicClock.NowNs() - start) / 1e6;
                }
                catch (ServerUnavailableException)
                {
                    Thread.Sleep(0);
                }
            }
        }
        finally
        {
            if (!process.HasExited)
            {
                Interop.Signals.Terminate(process.Id);
                if (!process.WaitForExit(5000)) process.Kill();
            }
        }
    }
}

/// <summary>What <c>bench startup</c> measured.</summary>
internal sealed record StartupBenchResult(double MedianMs, double MinMs, double MaxMs, int Runs, string Executable, bool NativeAot);
