using HapticShm.Jack;

namespace HapticShm.Server.Backends.Jack;

/// <summary>
/// Turns JACK's per-cycle (frame time, µs estimate) pairs into block start times that advance by
/// exactly the block's duration in frames, so the engine's schedule has zero jitter, while
/// following the device clock: the estimate is anchored to a frame and slewed towards JACK's
/// filtered time by at most <see cref="MaxSlewNs"/> per block (enough for ±300 ppm of drift at
/// 64 frames). A jump larger than the resync threshold (an xrun, a DLL reset, freewheeling)
/// re-anchors at once and is counted. Frame times pass through a <see cref="JackFrameTracker"/>
/// first, so a report from a neighbouring cycle cannot bend the timeline.
/// </summary>
public sealed class BlockStartClock
{
    /// <summary>Largest correction applied to one block's start, in ns.</summary>
    public const long MaxSlewNs = 500;

    // An error is corrected over about this many blocks.
    private const long SlewDivisor = 256;

    // Rebase the anchor every 10 s of frames so frame deltas stay small.
    private const long RebaseSeconds = 10;

    private readonly JackFrameTracker _frames = new();
    private readonly int _sampleRate;
    private readonly long _resyncThresholdNs;
    private bool _anchored;
    private uint _anchorFrame;
    private long _anchorNs;
    private long _resyncs;

    /// <summary>A clock for <paramref name="sampleRate"/> that re-anchors when JACK's time and the
    /// frame-based estimate disagree by more than <paramref name="resyncThresholdNs"/>.</summary>
    public BlockStartClock(int sampleRate, long resyncThresholdNs = 1_000_000)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(resyncThresholdNs);
        _sampleRate = sampleRate;
        _resyncThresholdNs = resyncThresholdNs;
    }

    /// <summary>Times the estimate was re-anchored after the first block (each one breaks the exact spacing once).</summary>
    public long Resyncs => Volatile.Read(ref _resyncs);

    /// <summary>Jumps of JACK's frame counter followed (xruns that skipped frames).</summary>
    public long FrameJumps => _frames.Jumps;

    /// <summary>Start time (ns) of a block of <paramref name="frames"/> frames that JACK reports
    /// starting at <paramref name="reportedFrame"/>, at <paramref name="measuredNs"/>. A report
    /// that belongs to a neighbouring cycle (see <see cref="JackFrameTracker"/>) is not used for
    /// correction. Real-time safe.</summary>
    public long Next(uint reportedFrame, int frames, long measuredNs)
    {
        uint frame = _frames.Next(reportedFrame, frames, out bool trusted);
        if (!_anchored)
        {
            _anchored = true;
            Anchor(frame, measuredNs);
            return measuredNs;
        }
        long framesSinceAnchor = (uint)(frame - _anchorFrame);
        long predicted = _anchorNs + JackTime.FramesToNs(framesSinceAnchor, _sampleRate);
        if (!trusted) return predicted;
        long error = measuredNs - predicted;
        if (Math.Abs(error) > _resyncThresholdNs)
        {
            Anchor(frame, measuredNs);
            Volatile.Write(ref _resyncs, _resyncs + 1);
            return measuredNs;
        }
        long correction = Math.Clamp(error / SlewDivisor, -MaxSlewNs, MaxSlewNs);
        _anchorNs += correction;
        predicted += correction;
        if (framesSinceAnchor >= RebaseSeconds * _sampleRate) Anchor(frame, predicted);
        return predicted;
    }

    /// <summary>Forgets the anchor: the next block starts a new timeline (after a restart).</summary>
    public void Reset()
    {
        _anchored = false;
        _frames.Reset();
    }

    private void Anchor(uint frame, long ns)
    {
        _anchorFrame = frame;
        _anchorNs = ns;
    }
}
