namespace HapticShm.Jack;

/// <summary>
/// Decides which JACK frame time a process cycle really starts at. Under load JACK's reported
/// cycle timing can belong to a neighbouring cycle (a client running late reads the next cycle's
/// timing, one woken early the previous one's), so a report that disagrees with "previous frame +
/// previous length" is ignored until the same offset has been reported
/// <see cref="ConfirmReports"/> times in a row: then it is a real jump (an xrun skipped frames)
/// and is adopted. Two neighbouring reports in a row happen on a loaded machine; adopting them
/// would label two cycles with one frame. Real-time safe.
/// </summary>
public sealed class JackFrameTracker
{
    /// <summary>Reports in a row that must agree on a new offset before it is adopted.</summary>
    public const int ConfirmReports = 3;

    private bool _started;
    private uint _expected;
    private int _pendingOffset;
    private int _pendingReports;
    private long _jumps;

    /// <summary>Jumps of the frame counter adopted so far.</summary>
    public long Jumps => Volatile.Read(ref _jumps);

    /// <summary>The frame time of this cycle's first frame, given JACK's report and the cycle's
    /// length. <paramref name="reportTrusted"/> is false when the report was ignored (its timing is
    /// then not this cycle's either).</summary>
    public uint Next(uint reportedFrame, int frames, out bool reportTrusted)
    {
        uint frame;
        int offset = (int)(reportedFrame - _expected);
        if (!_started || offset == 0)
        {
            _started = true;
            frame = reportedFrame;
            reportTrusted = true;
            _pendingReports = 0;
        }
        else
        {
            _pendingReports = offset == _pendingOffset ? _pendingReports + 1 : 1;
            _pendingOffset = offset;
            reportTrusted = _pendingReports >= ConfirmReports;
            if (reportTrusted)
            {
                Volatile.Write(ref _jumps, _jumps + 1);
                _pendingReports = 0;
                frame = reportedFrame;
            }
            else
            {
                frame = _expected;
            }
        }
        _expected = frame + (uint)frames;
        return frame;
    }

    /// <summary>Starts over (the next report is taken as is).</summary>
    public void Reset()
    {
        _started = false;
        _pendingReports = 0;
    }
}
