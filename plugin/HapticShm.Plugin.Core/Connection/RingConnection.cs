using HapticShm.Plugin.Core.Processing;
using HapticShm.Shared.Ring;

namespace HapticShm.Plugin.Core.Connection;

/// <summary>
/// Keeps a <see cref="PluginProcessor"/> supplied with a ring while the plugin is active
/// (setActive(true) .. setActive(false) / terminate). Test seam: when the environment variable
/// <see cref="RingOverrideVariable"/> names a ring file, <see cref="Start"/> maps that ring
/// directly and no server is involved.
/// </summary>
public sealed class RingConnection
{
    /// <summary>Path of an existing ring file to write into instead of asking the server (tests).</summary>
    public const string RingOverrideVariable = "HAPTICSHM_PLUGIN_RING";

    private readonly PluginProcessor _processor;
    private CommandRing? _ring;

    public RingConnection(PluginProcessor processor) => _processor = processor;

    /// <summary>Whether a ring is attached.</summary>
    public bool IsConnected => _ring is not null;

    /// <summary>Starts supplying rings (non-real-time thread).</summary>
    public void Start()
    {
        string? overridePath = Environment.GetEnvironmentVariable(RingOverrideVariable);
        if (string.IsNullOrEmpty(overridePath) || _ring is not null) return;
        _ring = CommandRing.Open(overridePath);
        _processor.AttachRing(_ring.Producer);
    }

    /// <summary>Withdraws the ring, waits until the audio thread no longer uses it, unmaps it.</summary>
    public void Stop()
    {
        _processor.DetachRing();
        _ring?.Dispose();
        _ring = null;
    }
}
