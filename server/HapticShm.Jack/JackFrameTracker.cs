namespace HapticShm.Jack;

/// <summary>
/// Decides which JACK frame time a process cycle really starts at. Under load JACK's reported
/// cycle timing can belong to a neighbouring cycle (a client running late reads the next cycle's
/// timing, then the same one again), so a single report that disagrees with "previous frame +
/// previous length" is ignored; the same offset twice in a row is a real jump (an xrun skipped
/// frames) and is adopted. Real-time safe.
/// </summary>
public sealed class JackFrameTracker
{
    private bool _started;
    private uint _expected;
    private int _pendingOffset;
    private long _jumps;

    /// <summary>Jumps of the frame counter adopted so far.</summary>
    public long Jumps => Volatile.Read(ref _jumps);

    /// <summary>The frame time of this cycle's first frame, given JACK's report and the cycle's
    /// length. <paramref name="reportTrusted"/> is false when the report was ignored (its timing is
    /// then not this cycle's either).</summary>
    public uint Next(uint reportedFrame, int frames, out bool reportTrusted)
    {
        uint frame;
        if (!_started)
        {
            _started = true;
            frame = reportedFrame;
            reportTrusted = true;
        }
        else
        {
            int offset = (int)(reportedFrame - _expected);
            if (offset == 0 || offset == _pendingOffset)
            {
                if (offset != 0) Volatile.Write(ref _jumps, _jumps + 1);
                _pendingOffset = 0;
                frame = reportedFrame;
                reportTrusted = true;
            }
            else
            {
                _pendingOffset = offset;
                frame = _expected;
                reportTrusted = false;
            }
        }
        _expected = frame + (uint)frames;
        return frame;
    }

    /// <summary>Starts over (the next report is taken as is).</summary>
    public void Reset()
    {
        _started = false;
        _pendingOffset = 0;
    }
}
