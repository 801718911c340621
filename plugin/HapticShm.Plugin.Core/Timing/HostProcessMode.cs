namespace HapticShm.Plugin.Core.Timing;

/// <summary>How the host runs process() (VST3 ProcessModes, same numbers).</summary>
public enum HostProcessMode
{
    /// <summary>Blocks follow the audio device: what we stamp is felt.</summary>
    Realtime = 0,
    /// <summary>Blocks computed ahead of playback (e.g. ASIO-Guard); stamped like real time.</summary>
    Prefetch = 1,
    /// <summary>A bounce, usually faster than real time: nothing is sent to the server.</summary>
    Offline = 2,
}
