using HapticShm.Engine;
using HapticShm.Server.Audio;
using HapticShm.Server.Backends.Asio;
using HapticShm.Server.Clients;
using HapticShm.Shared.Status;

namespace HapticShm.Asio.Tests;

/// <summary>The server's own audio callback on the ASIO backend across a driver restart that
/// changes the buffer size: latency, load period and block handling follow the new size.</summary>
[Collection(AsioDriverCollection.Name)]
public sealed class AsioServerAudioTests : IDisposable
{
    private const long MarginNs = 1_000_000;
    private readonly string _dir = Directory.CreateTempSubdirectory("hapticshm-asio-").FullName;
    private readonly FakeAsioDriver _fake = new(32, AsioSampleType.ASIOSTFloat32LSB) { PreferredBufferSize = 64, MaxBufferSize = 8192 };
    private readonly StatusFile _status;
    private readonly AudioCallback _callback;
    private readonly StimulusEngine _engine;

    public AsioServerAudioTests()
    {
        // As ServerHost builds it: an engine sized for the start-up block (4096 at least).
        _engine = new StimulusEngine(new EngineOptions { SampleRate = 48_000, MaxBlockFrames = 4096 });
        var clients = new ClientSlot[StatusBlock.MaxClients];
        for (int i = 0; i < clients.Length; i++) clients[i] = new ClientSlot(i);
        _status = StatusFile.Create(Path.Combine(_dir, "status.shm"));
        _callback = new AudioCallback(_engine, clients, new StatusPublisher(_status, new ProcessStats(), () => 0, _engine.ChannelCount), 64, MarginNs);
    }

    [Fact]
    public void BufferSizeChange_To8192_KeepsTheServerCallbackRenderingWithLatencyForTheNewSize()
    {
        using var backend = AsioBackend.FromDriver(_fake.Pointer, new AsioBackendOptions());
        backend.Open(_engine.ChannelCount);
        backend.Start(_callback.Render);
        Wait.Until(() => _callback.Callbacks >= 10, "ten blocks of 64 frames");
        Assert.Equal((long)(2 * 64 * 1e9 / 48_000) + MarginNs, _callback.FixedLatencyNs);

        Assert.Equal(1, _fake.SendMessage(AsioMessageSelector.kAsioBufferSizeChange, 8192));
        Wait.Until(() => backend.Restarts == 1, "the restart");
        long after = _callback.Callbacks;
        Wait.Until(() => _callback.Callbacks >= after + 5 || _callback.HasFailed, "five blocks of 8192 frames");

        Assert.False(_callback.HasFailed, $"the callback failed after the restart: {_callback.Fault}");
        Assert.False(backend.HasFailed);
        Assert.Equal(8192, backend.BlockSize);
        Assert.Equal(8192, _callback.BlockSize);
        Assert.Equal((long)(2 * 8192 * 1e9 / 48_000) + MarginNs, _callback.FixedLatencyNs);
        Assert.Equal(_callback.FixedLatencyNs, _engine.FixedLatencyNs);
    }

    public void Dispose()
    {
        _fake.Dispose();
        _status.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}
