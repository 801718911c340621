using HapticShm.Jack;

namespace HapticShm.EndToEnd.Tests;

/// <summary>
/// A private jackd (dummy driver, 48 kHz, 64 frames), a hapticshm-server on it with the jack
/// backend in its own runtime directory, and a capture client recording all 32 outputs.
/// </summary>
public sealed class JackRig : IDisposable
{
    public const int Channels = 32;
    private readonly TempRuntimeDirectory _dir = new();

    public JackRig(double captureSeconds, string? serverExecutable = null)
    {
        string name = "hs-e2e-" + Guid.NewGuid().ToString("N")[..8];
        Jackd = JackdLauncher.Start(name);
        try
        {
            Server = ServerProcess.StartExecutable(serverExecutable ?? ServerProcess.ExecutablePath, _dir.Path, "--backend", "jack", "--jack-server", name, "--idle-exit", "0");
            var ports = Enumerable.Range(1, Channels).Select(i => $"hapticshm:out_{i}").ToArray();
            Capture = new JackCaptureClient(ports, captureSeconds, "e2e-capture", name);
            Capture.Start();
        }
        catch
        {
            Server?.Dispose();
            Jackd.Dispose();
            throw;
        }
    }

    public JackdLauncher Jackd { get; }
    public ServerProcess Server { get; }
    public JackCaptureClient Capture { get; }
    public string RuntimeDirectory => _dir.Path;

    /// <summary>Xruns JACK, the capture and the server saw so far: printed by the tests. An xrun
    /// repeats or drops a captured cycle on every port at once, so comparisons between ports of one
    /// capture still hold; nothing asserted depends on there being none.</summary>
    public string Xruns =>
        $"xruns: capture {Capture.Xruns}, jackd driver {Jackd.DriverXruns}, server {Server.ReadStatus().Xruns}";

    /// <summary>Largest |sample| over every channel in recorded samples [from, to).</summary>
    public float Peak(int from, int to)
    {
        float peak = 0;
        for (int c = 0; c < Channels; c++)
        {
            ReadOnlySpan<float> samples = Capture.Channel(c);
            for (int i = Math.Max(0, from); i < Math.Min(to, samples.Length); i++) peak = Math.Max(peak, Math.Abs(samples[i]));
        }
        return peak;
    }

    /// <summary>Waits until the capture has recorded past <paramref name="monotonicNs"/> plus a margin.</summary>
    public void WaitRecordedPast(long monotonicNs)
    {
        Wait.Until(() => Capture.RecordedFrames > 0 && Capture.SampleToMonotonicNs(Capture.RecordedFrames - 1) > monotonicNs, "the capture records past the moment of interest");
    }

    public void Dispose()
    {
        Capture?.Stop();
        Capture?.Dispose();
        Server?.Dispose();
        Jackd.Dispose();
        _dir.Dispose();
    }
}
