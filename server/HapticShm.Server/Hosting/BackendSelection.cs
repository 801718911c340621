using HapticShm.Server.Backends;
using HapticShm.Server.Backends.Jack;
using HapticShm.Server.Backends.Null;
using HapticShm.Server.Logging;

namespace HapticShm.Server.Hosting;

/// <summary>Creates and opens the backend the options ask for.</summary>
internal static class BackendSelection
{
    public static IAudioBackend Open(ServerOptions options, int channels, ServerLog log)
    {
        if (options.Backend == "asio" && !OperatingSystem.IsWindows())
            throw new AudioBackendException("the asio backend runs on Windows only: use --backend jack or null here");
        var jack = new JackBackendOptions { ServerName = options.JackServer, ConnectToSystemPlayback = options.Connect };
        var none = new NullBackendOptions { SampleRate = options.SampleRate, BlockSize = options.BlockSize };
        IAudioBackend backend = AudioBackendFactory.Create(options.Backend, jack, none);
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
}
