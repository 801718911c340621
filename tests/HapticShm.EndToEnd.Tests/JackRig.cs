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

    /// <summary>True once JACK, the capture or the server has seen an xrun: the capture may then
    /// hold a repeated or missing block, which is the machine's fault, not what we measure.</summary>
    public bool HadXrun =>
        Capture.Xruns > 0 || Jackd.CountLog(JackdLauncher.DriverXrunLine) > 0 || Server.ReadStatus().Xruns > 0;

    /// <summary>Runs <paramref name="scenario"/> on a fresh rig, again (up to five times in all)
    /// when it failed on a rig that saw an xrun; a failure without an xrun fails at once. Five,
    /// because on this shared VM a contended host can give several rigs in a row an xrun.</summary>
    public static void Run(double captureSeconds, Action<JackRig> scenario, Action<string> log)
    {
        for (int attempt = 1; ; attempt++)
        {
            using var rig = new JackRig(captureSeconds);
            try
            {
                scenario(rig);
                return;
            }
            catch (Xunit.Sdk.XunitException e) when (attempt < 5 && rig.HadXrun)
            {
                log($"attempt {attempt} failed during an xrun (retrying on a fresh rig): {e.Message}");
            }
        }
    }

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
