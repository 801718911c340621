namespace HapticShm.Server.Backends.Jack;

/// <summary>How the JACK backend joins a server.</summary>
public sealed record JackBackendOptions
{
    /// <summary>JACK client name; ports appear as "ClientName:out_1".."out_N".</summary>
    public string ClientName { get; init; } = "hapticshm";

    /// <summary>A named server (jackd -n NAME); null uses $JACK_DEFAULT_SERVER or "default".</summary>
    public string? ServerName { get; init; }

    /// <summary>Connect out_k to the k-th physical playback port (system:playback_k) on start.</summary>
    public bool ConnectToSystemPlayback { get; init; }

    /// <summary>Connections to make after activation (<c>--connect-map</c>); null for none.</summary>
    public ConnectMap? ConnectMap { get; init; }

    /// <summary>Receives a line per connect-map problem (a missing port, a refused connection) and
    /// a summary, on the thread that starts the backend; the server logs them.</summary>
    public Action<string>? Log { get; init; }

    /// <summary>Called on JACK's thread when the server shuts down (after <see cref="JackBackend.ServerGone"/>
    /// is set): it must return promptly, without blocking or allocating; the auto backend wakes its
    /// watcher with it.</summary>
    public Action? ServerGone { get; init; }
}
