using HapticShm.Server.Backends.Auto;
using HapticShm.Server.Backends.Jack;
using HapticShm.Server.Backends.Null;

namespace HapticShm.Server.Backends;

/// <summary>Creates a backend by name: "jack", "null" or "auto" (JACK when a server answers, else null until one does).</summary>
public static class AudioBackendFactory
{
    /// <summary>The names <see cref="Create"/> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = ["auto", "jack", "null"];

    /// <summary>A new, unopened backend. Throws <see cref="AudioBackendException"/> for an unknown name.</summary>
    public static IAudioBackend Create(string name, JackBackendOptions? jack = null, NullBackendOptions? nullOptions = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.ToUpperInvariant() switch
        {
            "JACK" => new JackBackend(jack),
            "NULL" => new NullBackend(nullOptions),
            "AUTO" => new AutoBackend(jack, nullOptions),
            _ => throw new AudioBackendException($"unknown audio backend '{name}': use one of {string.Join(", ", Names)}"),
        };
    }
}
