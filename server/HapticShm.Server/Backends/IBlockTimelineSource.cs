namespace HapticShm.Server.Backends;

/// <summary>A backend that can tell, during its render callback, where the current block sits on
/// its timeline (published in the status block so that clients can aim at exact samples).</summary>
public interface IBlockTimelineSource
{
    /// <summary>The block being rendered now. Read it only on the device thread, inside the render
    /// callback: the backend updates it just before calling the callback. Real-time safe.</summary>
    BlockTimeline Timeline { get; }
}
