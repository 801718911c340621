using HapticShm.Jack;
using HapticShm.Server.Backends;
using HapticShm.Server.Backends.Jack;
using HapticShm.Server.Tests.Jack;

namespace HapticShm.Server.Tests;

public sealed class JackBackendFailureTests
{
    [Fact]
    public void Open_NoServerRunning_ThrowsWithStartHint()
    {
        string name = $"hsm-absent-{Guid.NewGuid():N}";
        using var backend = new JackBackend(new JackBackendOptions { ServerName = name });

        var error = Assert.Throws<AudioBackendException>(() => backend.Open(2));

        Assert.Equal($"no JACK server '{name}' is running: start one, e.g. jackd -d alsa (or jackd --no-realtime -d dummy for testing)", error.Message);
    }

    [Fact]
    public void HasFailed_WhenTheServerStops_BecomesTrue()
    {
        string name = $"hsm-shutdown-{Environment.ProcessId}";
        var signal = new RampSignal(maxBlocks: 1);
        using var backend = new JackBackend(new JackBackendOptions { ClientName = "hsm-shutdown", ServerName = name });
        using (JackdLauncher.Start(name, playbackPorts: 2))
        {
            backend.Open(2);
            backend.Start(signal.Render);
            Assert.True(Wait.Until(() => signal.Blocks > 10, TimeSpan.FromSeconds(5)), "the backend never ran");
            Assert.False(backend.HasFailed);
        }

        Assert.True(Wait.Until(() => backend.HasFailed, TimeSpan.FromSeconds(3)), "HasFailed stayed false after jackd stopped");
    }

    [Fact]
    public void Render_CallbackThrows_SilencesOutputsAndSetsHasFailed()
    {
        string name = $"hsm-throw-{Environment.ProcessId}";
        using var jackd = JackdLauncher.Start(name, playbackPorts: 2);
        int calls = 0;
        using var backend = new JackBackend(new JackBackendOptions { ClientName = "hsm-throw", ServerName = name });
        backend.Open(1);
        backend.Start((output, _) =>
        {
            output[0].Fill(0.5f);
            if (++calls == 300) throw new InvalidOperationException("render bug");
        });
        using var capture = new JackCaptureClient(backend.PortNames, maxSeconds: 1.0, "hsm-throw-capture", name);
        capture.Start();
        Assert.True(Wait.Until(() => capture.IsFull, TimeSpan.FromSeconds(5)), "the capture did not fill");

        Assert.True(backend.HasFailed);
        Assert.IsType<InvalidOperationException>(backend.RenderException);
        ReadOnlySpan<float> recorded = capture.Channel(0);
        Assert.True(recorded.IndexOf(0.5f) >= 0, "the capture never saw the callback's output");
        Assert.True(recorded[^4800..].IndexOfAnyExcept(0f) < 0, "outputs were not silent after the callback threw");
    }
}
