using HapticShm.Shared;

namespace HapticShm.Plugin.Core.Timing;

/// <summary>
/// Learns the exact offset between the host's sample position and the server's frame counter
/// when both run in one JACK graph. Then each host block is one JACK cycle and so is each server
/// block, so host sample h is server frame h + D for one integer D; a command for sample h is
/// stamped with the server's own time of frame h + D and sounds exactly the server's fixed latency
/// later: no fit, no jitter.
/// </summary>
/// <remarks>
/// <para>How D is found: at each block, the server's published line says which of its frames was
/// starting its cycle when process() was called: F(now) = F0 + (now - S0 + period) x rate, so
/// F(now) - h is D plus how late in its cycle the host ran. The smallest of those over a window
/// of <see cref="WindowSeconds"/> is D plus the best wake-up latency (a few frames), and D is the
/// value nearest to it that keeps the host's blocks on the server's block grid.</para>
/// <para>When: the same D from <see cref="WindowsToLock"/> windows in a row locks, once
/// <see cref="RecentWindows"/> windows showed that the earliest calls do not drift against the
/// server's line (a host on another device does, and its samples are not the server's frames).
/// Locked, a new D needs two windows in a row too; a window in which the server's timeline moved
/// gives no verdict. Cycles skipped by an xrun move D by whole blocks: <see cref="JumpBlocks"/>
/// calls in a row off by the same whole number of blocks are followed at once, and the next clean
/// window confirms or corrects that (timing alone cannot tell m skipped cycles and a re-phase of
/// almost a period from m + 1 and none). Drift, a block of another size than the server's, a jump
/// of the host's position or no timeline at all unlock, and the plugin's own fit
/// (<see cref="BlockClock"/>) stamps again. Audio thread only; no allocation.</para>
/// </remarks>
public sealed class SharedCycleLock
{
    /// <summary>Length of the window whose earliest call decides D (s of host samples).</summary>
    public const double WindowSeconds = 0.25;

    /// <summary>Windows in a row that must agree on D before it is used.</summary>
    public const int WindowsToLock = 2;

    /// <summary>Windows (4 s) whose earliest calls must stay within <see cref="DriftFrames"/> (or a
    /// quarter of a block) of each other: more apart, host and server are on different clocks
    /// (100 ppm drifts 19 frames in 4 s); a busy scheduler moves the earliest call less.</summary>
    public const int RecentWindows = 16;

    /// <summary>See <see cref="RecentWindows"/>.</summary>
    public const double DriftFrames = 16;

    /// <summary>Calls in a row that must be off by the same whole number of blocks to move a locked D.</summary>
    public const int JumpBlocks = 4;

    private bool _started;
    private long _nextPosition;
    private int _blockSize;
    private int _sampleRate;
    private long _windowStartPosition;
    private uint _windowBase;
    private double _windowEarliest;
    private bool _windowAligned;
    private long _windowSteps;
    private long _windowResyncs;
    private bool _windowSpoiled;
    private bool _provisional;
    private readonly double[] _recentEarliest = new double[RecentWindows];
    private int _recentCount;
    private int _jumpBlocks;
    private int _jumpRun;
    private long _jumps;
    private uint _candidate;
    private int _agreeing;
    private bool _locked;
    private uint _offset;
    private long _locks;

    /// <summary>True while host samples map to server frames exactly.</summary>
    public bool IsLocked => _locked;

    /// <summary>While locked: host sample h is server frame <c>(uint)h + OffsetFrames</c>.</summary>
    public uint OffsetFrames => _offset;

    /// <summary>Times a lock was taken (the first, and again after each unlock).</summary>
    public long Locks => _locks;

    /// <summary>Times a locked D moved by whole blocks because cycles were skipped.</summary>
    public long Jumps => _jumps;

    /// <summary>Server frame of host sample <paramref name="position"/> (meaningful while locked).</summary>
    public uint ServerFrameOf(long position) => unchecked((uint)position + _offset);

    /// <summary>Looks at one host block of <paramref name="samples"/> samples starting at host
    /// sample <paramref name="position"/>, whose process() call began at <paramref name="nowNs"/>;
    /// returns whether it is locked.</summary>
    public bool Observe(long position, int samples, long nowNs, in ServerTimeline server)
    {
        bool continues = _started && position == _nextPosition && server.IsKnown && samples == server.BlockSize
            && server.BlockSize == _blockSize && server.SampleRate == _sampleRate;
        _nextPosition = position + samples;
        if (!continues)
        {
            _locked = false;
            _provisional = false;
            _agreeing = 0;
            _recentCount = 0;
            _started = server.IsKnown && samples == server.BlockSize;
            if (!_started) return false;
            _blockSize = server.BlockSize;
            _sampleRate = server.SampleRate;
            StartWindow(position, server);
        }
        int fromBase = unchecked((int)(server.Frame - (uint)position - _windowBase));
        if (fromBase % _blockSize != 0) _windowAligned = false;
        long periodNs = MonotonicClock.FramesToNs(_blockSize, _sampleRate);
        double framesIntoTimeline = (nowNs - server.StartNs + periodNs) * (_sampleRate / 1e9);
        double offsetNow = fromBase + framesIntoTimeline; // D plus how late this call is, from the window's base
        _windowEarliest = Math.Min(_windowEarliest, offsetNow);
        if (_locked) FollowSkippedCycles(offsetNow - unchecked((int)(_offset - _windowBase)));
        if (position + samples - _windowStartPosition >= WindowSeconds * _sampleRate) EndWindow(position + samples, server);
        return _locked;
    }

    // Cycles that nobody processed (an xrun: JACK's frame counter jumps, the host's position does
    // not) move D by whole blocks at once; waiting for the windows would stamp a second of notes a
    // block or more early. Every call of JumpBlocks in a row that is off by the same whole number
    // of blocks is that, not a late call.
    private void FollowSkippedCycles(double lateness)
    {
        int blocks = (int)Math.Round(lateness / _blockSize);
        if (blocks == 0 || blocks != _jumpBlocks)
        {
            _jumpBlocks = blocks;
            _jumpRun = blocks == 0 ? 0 : 1;
            return;
        }
        if (++_jumpRun < JumpBlocks) return;
        _offset = unchecked(_offset + (uint)(blocks * _blockSize));
        _provisional = true; // whole cycles or a re-phased driver: the next clean window decides
        _recentCount = 0;
        _jumps++;
        _windowSpoiled = true; // its earliest call was before the skip: no verdict from this window
        _jumpBlocks = 0;
        _jumpRun = 0;
    }

    private void EndWindow(long nextPosition, in ServerTimeline server)
    {
        // A window in which the server's timeline moved measured against two lines, and one
        // across skipped cycles against two offsets: no verdict.
        if (_windowSpoiled || server.Steps != _windowSteps || server.Resyncs != _windowResyncs)
        {
            StartWindow(nextPosition, server);
            return;
        }
        if (_windowAligned && double.IsFinite(_windowEarliest) && !Drifts())
        {
            uint candidate = unchecked(_windowBase + (uint)((long)Math.Round(_windowEarliest / _blockSize) * _blockSize));
            _agreeing = _agreeing > 0 && candidate == _candidate ? _agreeing + 1 : 1;
            _candidate = candidate;
            // Locked, one busy window that says otherwise changes nothing; two in a row do. The
            // first lock waits until the earliest calls were seen not to drift; after a jump one
            // clean window settles D.
            bool enough = _provisional || (_agreeing >= WindowsToLock && (_locked || _recentCount >= RecentWindows));
            if (enough)
            {
                if (!_locked) _locks++;
                if (candidate != _offset) _recentCount = 0;
                _locked = true;
                _offset = candidate;
                _provisional = false;
            }
        }
        else
        {
            _agreeing = 0;
            _locked = false;
            _provisional = false;
            _recentCount = 0;
        }
        StartWindow(nextPosition, server);
    }

    // On one JACK graph the earliest call of every window sits at the same place against the
    // server's line, give or take the scheduler; a host on another device drifts through it (100
    // ppm: five frames a second) and must not be locked: its samples are not the server's frames.
    private bool Drifts()
    {
        double earliest = _windowEarliest - unchecked((int)(_offset - _windowBase));
        _recentEarliest[_recentCount++ % RecentWindows] = earliest;
        if (_recentCount < RecentWindows) return false;
        double low = double.PositiveInfinity, high = double.NegativeInfinity;
        foreach (double value in _recentEarliest)
        {
            low = Math.Min(low, value);
            high = Math.Max(high, value);
        }
        return high - low > Math.Max(DriftFrames, _blockSize / 4.0);
    }

    private void StartWindow(long position, in ServerTimeline server)
    {
        _windowStartPosition = position;
        _windowBase = unchecked(server.Frame - (uint)position);
        _windowEarliest = double.PositiveInfinity;
        _windowAligned = true;
        _windowSteps = server.Steps;
        _windowResyncs = server.Resyncs;
        _windowSpoiled = false;
    }
}
