namespace HapticShm.Plugin.Core.Timing;

/// <summary>
/// Notices when the host's project time jumps while playing (loop wrap, locate) or the transport
/// stops. Some hosts send no note-off for a note cut by the loop end; the plugin then releases the
/// notes it still holds from before the jump, so a vibration is never stuck.
/// </summary>
internal sealed class TransportWatch
{
    private bool _known;
    private bool _wasPlaying;
    private long _expectedProjectTime;

    /// <summary>True when the notes held before this block must be released at its start.</summary>
    public bool Update(in HostBlock block)
    {
        if (!block.HasTransport)
        {
            _known = false;
            return false;
        }
        bool release = _known && _wasPlaying && (!block.IsPlaying || block.ProjectTimeSamples != _expectedProjectTime);
        _known = true;
        _wasPlaying = block.IsPlaying;
        _expectedProjectTime = block.ProjectTimeSamples + Math.Max(block.NumSamples, 0);
        return release;
    }

    public void Reset() => _known = false;
}
