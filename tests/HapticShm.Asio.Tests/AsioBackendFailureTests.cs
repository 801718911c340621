using HapticShm.Engine.Audio;
using HapticShm.Server.Backends.Asio;

namespace HapticShm.Asio.Tests;

[Collection(AsioDriverCollection.Name)]
public sealed class AsioBackendFailureTests
{
    [Fact]
    public void Start_SamplePositionSkipsABlock_CountsOneXrun()
    {
        using var fake = new FakeAsioDriver(8, AsioSampleType.ASIOSTInt32LSB) { SkipBlockAfterSwitches = 10 };
        var signal = new TestSignal();
        using var backend = AsioBackend.FromDriver(fake.Pointer, new AsioBackendOptions());
        backend.Open(8);
        backend.Start(signal.Render);
        Wait.Until(() => signal.Calls >= 30, "thirty rendered blocks");
        backend.Stop();

        Assert.Equal(1, backend.Xruns);
    }

    [Fact]
    public void Start_StopStart_DoesNotCountRestartedPositionsAsXruns()
    {
        using var fake = new FakeAsioDriver(8, AsioSampleType.ASIOSTInt32LSB);
        var signal = new TestSignal();
        using var backend = AsioBackend.FromDriver(fake.Pointer, new AsioBackendOptions());
        backend.Open(8);
        backend.Start(signal.Render);
        Wait.Until(() => signal.Calls >= 10, "ten blocks");
        backend.Stop();
        long calls = signal.Calls;
        backend.Start(signal.Render);
        Wait.Until(() => signal.Calls >= calls + 10, "ten blocks after the second start");
        backend.Stop();

        Assert.Equal(0, backend.Xruns);
    }

    [Fact]
    public void Start_RenderCallbackThrows_BackendFailsAndDriverStops()
    {
        using var fake = new FakeAsioDriver(8, AsioSampleType.ASIOSTFloat32LSB);
        using var backend = AsioBackend.FromDriver(fake.Pointer, new AsioBackendOptions());
        backend.Open(8);
        int calls = 0;
        backend.Start((ChannelBuffers output, long start) =>
        {
            for (int c = 0; c < output.ChannelCount; c++) output[c].Fill(0.5f);
            if (Interlocked.Increment(ref calls) == 5) throw new InvalidOperationException("engine bug");
        });

        Wait.Until(() => backend.HasFailed, "the backend to report failure");
        Wait.Until(() => !fake.IsRunning, "the supervisor to stop the driver");

        Assert.Equal(5, Volatile.Read(ref calls)); // never called again after it threw
        byte[] silence = new byte[fake.BufferSize * sizeof(float)];
        Assert.True(fake.ReadHalf(0, 0).SequenceEqual(silence) || fake.ReadHalf(0, 1).SequenceEqual(silence),
            "the half rendered by the failed call must be silence, not what the engine half-wrote");
    }
}
