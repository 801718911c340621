using HapticShm.Server.Backends;
using HapticShm.Server.Logging;

namespace HapticShm.Server.Hosting;

/// <summary>Opens the backend the options ask for.</summary>
internal static class BackendSelection
{
    public static IAudioBackend Open(ServerOptions options, int channels, ServerLog log) =>
        throw new AudioBackendException($"backend '{options.Backend}' is not available yet");
}
