using HapticShm.Server.Backends;
using HapticShm.Server.Backends.Asio;
using HapticShm.Server.Backends.Auto;
using HapticShm.Server.Backends.Jack;
using HapticShm.Server.Backends.Null;
using HapticShm.Server.Logging;

namespace HapticShm.Server.Hosting;

/// <summary>Creates and opens the backend the options ask for.</summary>
internal static class BackendSelection
{
    /// <summary>Throws <see cref="ConnectMapException"/> for a connect map that cannot be used
    /// (before any device is opened) and <see cref="AudioBackendException"/> for a device.</summary>
    public static IAudioBackend Open(ServerOptions options, int channels, ServerLog log)
    {
        ConnectMap? map = options.ConnectMapPath is null ? null : ConnectMap.Load(options.ConnectMapPath, channels);
        IAudioBackend backend = options.Backend == "asio" ? CreateAsio(options) : CreateJackOrNull(options, map, log);
        if (map is not null && backend is not (JackBackend or AutoBackend))
            log.Write($"connect map {map.SourceName} ignored: the {backend.Name} backend has no JACK ports");
        try
        {
            backend.Open(channels);
        }
        catch
        {
            backend.Dispose();
            throw;
        }
        log.Write($"backend {backend.Name} open: {backend.SampleRate} Hz, {backend.BlockSize} frames, {backend.ChannelCount} channels");
        return backend;
    }

    private static AsioBackend CreateAsio(ServerOptions options)
    {
        if (!OperatingSystem.IsWindows())
            throw new AudioBackendException("the asio backend runs on Windows only: use --backend jack or null here");
        return AsioBackend.Create(new AsioBackendOptions { Driver = options.Device, OutputChannels = options.Channels, BufferSize = options.Buffer });
    }

    private static IAudioBackend CreateJackOrNull(ServerOptions options, ConnectMap? map, ServerLog log)
    {
        var jack = new JackBackendOptions { ServerName = options.JackServer, ConnectToSystemPlayback = options.Connect, ConnectMap = map, Log = log.Write };
        var none = new NullBackendOptions { SampleRate = options.SampleRate, BlockSize = options.BlockSize };
        return AudioBackendFactory.Create(options.Backend, jack, none);
    }
}
