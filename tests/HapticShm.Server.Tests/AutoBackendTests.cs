using HapticShm.Engine.Audio;
using HapticShm.Jack;
using HapticShm.Server.Backends;
using HapticShm.Server.Backends.Auto;
using HapticShm.Server.Backends.Jack;
using HapticShm.Shared.Status;

namespace HapticShm.Server.Tests;

public sealed class AutoBackendTests
{
    [Fact]
    public void Open_NoJackAnswers_KeepsTimeOnNullAndSaysWhy()
    {
        string name = $"hsm-absent-{Guid.NewGuid():N}";
        var calls = new CallbackCounter();
        using var backend = new AutoBackend(new JackBackendOptions { ServerName = name });
        backend.Open(2);
        backend.Start(calls.Render);

        Wait.Until(() => calls.Blocks > 10, "the null clock calls back");
        Assert.Equal("null", backend.Name);
        Assert.False(backend.OnJack);
        Assert.Equal(new BackendStatus("null", BackendState.WaitingForJack, $"no JACK server '{name}' answered at start-up"), backend.Status);
    }

    [Fact]
    public void JackComesAndGoes_MovesToItAndBack_NeverTwoCallersAtOnce()
    {
        string name = $"hsm-auto-{Environment.ProcessId}-{Random.Shared.Next(1_000_000)}";
        var calls = new CallbackCounter();
        using var backend = new AutoBackend(new JackBackendOptions { ClientName = "hsm-auto", ServerName = name });
        backend.Open(2);
        backend.Start(calls.Render);
        Wait.Until(() => calls.Blocks > 10, "the null clock calls back");

        using (JackdLauncher.Start(name, periodFrames: 128, playbackPorts: 2))
        {
            Wait.Until(() => backend.OnJack, "the backend moves to the JACK server that came");
            int blocks = calls.Blocks;
            Wait.Until(() => calls.Blocks > blocks + 20 && calls.LastFrames == 128, "JACK's cycles reach the callback");
            Assert.Equal(("jack", BackendState.Running, 128), (backend.Name, backend.Status.State, backend.BlockSize));
            Assert.Equal(["hsm-auto:out_1", "hsm-auto:out_2"], backend.Jack!.PortNames);
        }

        Wait.Until(() => !backend.OnJack, "the backend goes back to null when JACK shuts down");
        int afterJack = calls.Blocks;
        Wait.Until(() => calls.Blocks > afterJack + 20 && calls.LastFrames == 64, "the null clock calls back again");
        Assert.Equal(new BackendStatus("null", BackendState.WaitingForJack, $"JACK server '{name}' shut down"), backend.Status);
        Assert.False(backend.HasFailed);
        Assert.Equal(2, backend.Moves);
        Assert.Equal(0, calls.Overlaps);
    }

    /// <summary>Counts blocks and notices a second thread inside the callback.</summary>
    private sealed class CallbackCounter
    {
        private int _inside;
        private int _blocks;
        private int _overlaps;
        private int _lastFrames;

        public int Blocks => Volatile.Read(ref _blocks);
        public int Overlaps => Volatile.Read(ref _overlaps);
        public int LastFrames => Volatile.Read(ref _lastFrames);

        public void Render(ChannelBuffers output, long blockStartNs)
        {
            if (Interlocked.Increment(ref _inside) != 1) Interlocked.Increment(ref _overlaps);
            Volatile.Write(ref _lastFrames, output.Frames);
            Thread.SpinWait(50);
            Interlocked.Increment(ref _blocks);
            Interlocked.Decrement(ref _inside);
        }
    }
}
