using HapticShm.Server.Backends;
using HapticShm.Server.Backends.Asio;
using HapticShm.Server.Backends.Jack;
using HapticShm.Server.Backends.Null;
using HapticShm.Server.Logging;

namespace HapticShm.Server.Hosting;

/// <summary>Creates and opens the backend the options ask for.</summary>
internal static class BackendSelection
{
    public static IAudioBackend Open(ServerOptions options, int channels, ServerLog log)
    {
        IAudioBackend backend = options.Backend == "asio" ? CreateAsio(options) : CreateJackOrNull(options);
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

    private static IAudioBackend CreateJackOrNull(ServerOptions options)
    {
        var jack = new JackBackendOptions { ServerName = options.JackServer, ConnectToSystemPlayback = options.Connect };
        var none = new NullBackendOptions { SampleRate = options.SampleRate, BlockSize = options.BlockSize };
        return AudioBackendFactory.Create(options.Backend, jack, none);
    }
}
