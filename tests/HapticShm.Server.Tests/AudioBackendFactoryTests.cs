using HapticShm.Server.Backends;
using HapticShm.Server.Backends.Auto;
using HapticShm.Server.Backends.Jack;
using HapticShm.Server.Backends.Null;
using HapticShm.Server.Tests.Jack;

namespace HapticShm.Server.Tests;

public sealed class AudioBackendFactoryTests(JackServerFixture server) : IClassFixture<JackServerFixture>
{
    [Fact]
    public void Create_UnknownName_ThrowsListingTheValidNames()
    {
        var error = Assert.Throws<AudioBackendException>(() => AudioBackendFactory.Create("asio2"));

        Assert.Equal("unknown audio backend 'asio2': use one of auto, jack, null", error.Message);
    }

    [Fact]
    public void Create_Null_ReturnsNullBackendWithTheOptions()
    {
        using IAudioBackend backend = AudioBackendFactory.Create("null", nullOptions: new NullBackendOptions { SampleRate = 96000, BlockSize = 128 });

        Assert.IsType<NullBackend>(backend);
        Assert.Equal(("null", 96000, 128), (backend.Name, backend.SampleRate, backend.BlockSize));
    }

    [Fact]
    public void Create_Jack_ReturnsJackBackendForThatServer()
    {
        using IAudioBackend backend = AudioBackendFactory.Create("JACK", new JackBackendOptions { ClientName = "hsm-factory", ServerName = server.ServerName });
        backend.Open(4);

        Assert.IsType<JackBackend>(backend);
        Assert.Equal((48000, 64, 4), (backend.SampleRate, backend.BlockSize, backend.ChannelCount));
    }

    [Fact]
    public void Create_AutoWithRunningServer_OpensOnJack()
    {
        using IAudioBackend backend = AudioBackendFactory.Create("auto", new JackBackendOptions { ClientName = "hsm-factory-auto", ServerName = server.ServerName });
        backend.Open(4);

        Assert.IsType<AutoBackend>(backend);
        Assert.Equal(("jack", 48000, 64), (backend.Name, backend.SampleRate, backend.BlockSize));
    }

    [Fact]
    public void Create_AutoWithoutServer_OpensOnNull()
    {
        using IAudioBackend backend = AudioBackendFactory.Create("auto", new JackBackendOptions { ServerName = $"hsm-absent-{Guid.NewGuid():N}" });
        backend.Open(4);

        Assert.IsType<AutoBackend>(backend);
        Assert.Equal("null", backend.Name);
    }
}
