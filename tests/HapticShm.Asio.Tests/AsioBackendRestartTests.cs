using HapticShm.Server.Backends.Asio;

namespace HapticShm.Asio.Tests;

[Collection(AsioDriverCollection.Name)]
public sealed class AsioBackendRestartTests : IDisposable
{
    private readonly FakeAsioDriver _fake = new(64, AsioSampleType.ASIOSTInt24LSB) { PreferredBufferSize = 64 };
    private readonly TestSignal _signal = new();
    private readonly AsioBackend _backend;

    public AsioBackendRestartTests()
    {
        _backend = AsioBackend.FromDriver(_fake.Pointer, new AsioBackendOptions { OutputChannels = ["0", "3", "7", "40", "63"] });
        _backend.Open(5);
        _backend.Start(_signal.Render);
        Wait.Until(() => _signal.Calls >= 5, "five blocks before the driver message");
    }

    [Fact]
    public void ResetRequest_AfterPreferredSizeChange_RestartsWithNewSizeAndSameCallback()
    {
        long callsBefore = _signal.Calls;
        _fake.PreferredBufferSize = 128;

        Assert.Equal(1, _fake.SendMessage(AsioMessageSelector.kAsioResetRequest));
        Wait.Until(() => _backend.Restarts == 1 && _signal.LastFrames == 128, "the restart at 128 frames");
        Wait.Until(() => _signal.Calls >= callsBefore + 20, "blocks after the restart");

        Assert.Equal(128, _backend.BlockSize);
        Assert.Equal(128, _fake.BufferSize);
        Assert.Equal(2, _fake.CreateBuffersCalls);
        Assert.Equal(1, _fake.DisposeBuffersCalls);
        Assert.Equal(5, _signal.LastChannelCount);
        Assert.Equal([0, 3, 7, 40, 63], _fake.CreatedChannels);
        Assert.Equal(0, _backend.Xruns); // sample positions restart with the stream: no false dropout
        Assert.False(_backend.HasFailed);
    }

    [Fact]
    public void BufferSizeChange_RestartsWithSizeTheDriverSent()
    {
        long callsBefore = _signal.Calls;

        Assert.Equal(1, _fake.SendMessage(AsioMessageSelector.kAsioBufferSizeChange, 96));
        Wait.Until(() => _backend.Restarts == 1 && _signal.LastFrames == 96, "the restart at 96 frames");
        Wait.Until(() => _signal.Calls >= callsBefore + 20, "blocks after the restart");

        Assert.Equal(96, _backend.BlockSize);
        Assert.Equal(96, _fake.BufferSize);
        Assert.False(_backend.HasFailed);
    }

    [Fact]
    public void ResetRequest_Twice_KeepsRendering()
    {
        _fake.PreferredBufferSize = 256;
        _fake.SendMessage(AsioMessageSelector.kAsioResetRequest);
        Wait.Until(() => _backend.Restarts == 1, "the first restart");
        _fake.PreferredBufferSize = 32;
        _fake.SendMessage(AsioMessageSelector.kAsioResetRequest);
        Wait.Until(() => _backend.Restarts == 2 && _signal.LastFrames == 32, "the second restart at 32 frames");
        long calls = _signal.Calls;
        Wait.Until(() => _signal.Calls >= calls + 10, "blocks after two restarts");

        Assert.Equal(3, _fake.CreateBuffersCalls);
        Assert.Equal(32, _backend.BlockSize);
    }

    [Fact]
    public void LatenciesChanged_RereadsLatencyWithoutRestart()
    {
        _fake.OutputLatency = 999;

        Assert.Equal(1, _fake.SendMessage(AsioMessageSelector.kAsioLatenciesChanged));
        Wait.Until(() => _backend.OutputLatencyFrames == 999, "the new latency");

        Assert.Equal(0, _backend.Restarts);
        Assert.Equal(1, _fake.CreateBuffersCalls);
    }

    [Fact]
    public void ResyncRequest_CountsAnXrun()
    {
        Assert.Equal(1, _fake.SendMessage(AsioMessageSelector.kAsioResyncRequest));
        Assert.Equal(1, _backend.Xruns);
    }

    [Theory]
    [InlineData(AsioMessageSelector.kAsioEngineVersion, 0, 2)]
    [InlineData(AsioMessageSelector.kAsioSupportsTimeInfo, 0, 1)]
    [InlineData(AsioMessageSelector.kAsioSupportsTimeCode, 0, 0)]
    [InlineData(AsioMessageSelector.kAsioSelectorSupported, (int)AsioMessageSelector.kAsioResetRequest, 1)]
    [InlineData(AsioMessageSelector.kAsioSelectorSupported, (int)AsioMessageSelector.kAsioBufferSizeChange, 1)]
    [InlineData(AsioMessageSelector.kAsioSelectorSupported, (int)AsioMessageSelector.kAsioLatenciesChanged, 1)]
    [InlineData(AsioMessageSelector.kAsioSelectorSupported, (int)AsioMessageSelector.kAsioResyncRequest, 1)]
    [InlineData(AsioMessageSelector.kAsioSelectorSupported, (int)AsioMessageSelector.kAsioSupportsTimeInfo, 1)]
    [InlineData(AsioMessageSelector.kAsioSelectorSupported, (int)AsioMessageSelector.kAsioMMCCommand, 0)]
    public void AsioMessage_Selector_IsAnswered(AsioMessageSelector selector, int value, int answer)
    {
        Assert.Equal(answer, _fake.SendMessage(selector, value));
    }

    public void Dispose()
    {
        _backend.Dispose();
        _fake.Dispose();
    }
}
