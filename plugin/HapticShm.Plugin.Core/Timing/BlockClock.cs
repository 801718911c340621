using HapticShm.Shared.Status;

namespace HapticShm.Plugin.Core.Timing;

/// <summary>
/// Maps the host's sample position to the monotonic clock: when the first sample of a block is
/// due, free of the milliseconds of jitter with which the host calls process().
/// </summary>
/// <remarks>
/// Design: a host calls process() some time after the block's period begins, late by a delay
/// that varies from call to call (scheduling, the plugins before us, a device buffer split into
/// several blocks). The clock fits a straight line, time = origin + rate x (position - origin
/// position), to the upper envelope of those calls: the latest calls, so that no block's commands
/// reach the server after their own timestamp. Averaging cannot do this: a least-squares line or a
/// delay-locked loop through +-2 ms of jitter needs tens of thousands of blocks to steady to
/// 20 us, while the envelope's maximum over N blocks settles to about 4 ms / N.
/// - Offset: the largest residual (call time minus line) over the current segment and the
///   <see cref="EnvelopeSegments"/> - 1 before it (a segment is at least <see cref="SegmentSeconds"/>
///   and <see cref="MinSegmentBlocks"/> blocks, so the maximum is taken over thousands of calls).
///   A later call raises it at once; it comes down when the segment that held it leaves.
/// - Rate: starts at 1e9 / sample rate; at the end of each segment the slope of the last
///   <see cref="HistoryLength"/> segment maxima (least squares) corrects it by half, within
///   +-<see cref="MaxSkew"/>, turning about the current position so the stamps stay continuous
///   (the audio device's crystal and the monotonic clock differ by some ppm).
/// - A call more than <see cref="LateOutlierNs"/> after the envelope (a hiccup) is left out of the
///   fit and stamped when it was measured (its commands cannot sound earlier). A call more than
///   <see cref="EarlyOutlierNs"/> before it (a host running faster than real time) is left out too.
///   After <see cref="OutliersToReanchor"/> of either in a row the line re-anchors. The early bound is
///   wide because a host may run several blocks back to back at the start of a long device period.
/// - Re-anchored also when the position is not contiguous with the previous block's end (the
///   host's continuous time jumped) and when the sample rate changes (the rate starts over).
/// - Position: the host's continuous time when it gives one, else the samples counted here.
/// - With the host's system time (valid flag) that <see cref="HostClockCheck"/> accepts, the
///   measurement of the block start is that time moved onto our clock by the smallest (our clock -
///   system time) of the check's clean run: the host may use another epoch, and it stamps the block
///   before it calls us. Until the check accepts it, and whenever it refuses it, the measurement is
///   our clock on entry. A change of source re-anchors.
/// Audio thread only; no allocation: the history is two fixed arrays.
/// </remarks>
public sealed class BlockClock
{
    public const double SegmentSeconds = 2.0;
    public const int MinSegmentBlocks = 512;
    public const long LateOutlierNs = 5_000_000;
    public const long EarlyOutlierNs = 100_000_000;
    public const int OutliersToReanchor = 8;
    public const int HistoryLength = 8;
    public const int EnvelopeSegments = 4;
    public const double MaxSkew = 500e-6;
    private const double SkewGain = 0.5;

    private readonly double[] _historyResidual = new double[HistoryLength];
    private readonly long[] _historyPosition = new long[HistoryLength];
    private double _sampleRate;
    private double _nominalNsPerSample;
    private double _nsPerSample;
    private bool _anchored;
    private long _originPosition;
    private double _originNs;
    private long _nextPosition;
    private long _countedPosition;
    private long _segmentStart;
    private int _segmentBlocks;
    private double _segmentMax;
    private long _segmentMaxPosition;
    private double _closedMax;
    private int _historyCount;
    private int _outliers;
    private readonly HostClockCheck _hostClock = new();
    private bool _onHostClock;

    public BlockClock(double sampleRate = 48000) => SetSampleRate(sampleRate);

    /// <summary>Start of the last block on the monotonic clock, in ns.</summary>
    public long BlockStartNs { get; private set; }

    /// <summary>Nanoseconds per sample of the fitted line (for offsets inside a block).</summary>
    public double NsPerSample => _nsPerSample;

    /// <summary>The fitted rate's deviation from the nominal one, in parts per million.</summary>
    public double SkewPpm => (_nsPerSample / _nominalNsPerSample - 1) * 1e6;

    /// <summary>Which clock the measurements come from, and why the host's was refused.</summary>
    public ClockSourceStatus Source => _hostClock.Status;

    /// <summary>The check of the host's clock (for diagnostics and tests).</summary>
    public HostClockCheck HostClock => _hostClock;

    /// <summary>How many times the line started over (first block, jump, rate change, hiccups, change of clock).</summary>
    public long Anchors { get; private set; }

    /// <summary>The host's sample position of the last block placed (its continuous time, else the samples counted here).</summary>
    public long Position { get; private set; }

    /// <summary>Sets the nominal rate; a change re-anchors and forgets the fitted skew.</summary>
    public void SetSampleRate(double sampleRate)
    {
        if (!double.IsFinite(sampleRate) || sampleRate <= 0 || sampleRate == _sampleRate) return;
        _sampleRate = sampleRate;
        _nominalNsPerSample = 1e9 / sampleRate;
        _nsPerSample = _nominalNsPerSample;
        _anchored = false;
    }

    /// <summary>Forgets the line and the check of the host's clock (a new activation); the next block anchors.</summary>
    public void Reset()
    {
        _anchored = false;
        _hostClock.Reset();
        _onHostClock = false;
        _countedPosition = 0;
    }

    /// <summary>Places one block on the line and returns its start (<see cref="BlockStartNs"/>).</summary>
    public long Advance(in HostBlock block)
    {
        if (block.SampleRate > 0) SetSampleRate(block.SampleRate);
        int samples = Math.Max(block.NumSamples, 0);
        long position = block.HasContinuousTime ? block.ContinuousTimeSamples : _countedPosition;
        _countedPosition += samples;
        Position = position;
        double measured = Measure(block);
        bool onLine = true;
        if (!_anchored || position != _nextPosition) Anchor(position, measured);
        else onLine = Observe(position, measured);
        _nextPosition = position + samples;
        BlockStartNs = (long)Math.Round(onLine ? Line(position) + Math.Max(_segmentMax, _closedMax) : measured);
        return BlockStartNs;
    }

    private double Measure(in HostBlock block)
    {
        bool onHostClock = block.HasSystemTime && _hostClock.Check(block.NowNs, block.SystemTimeNs);
        if (!block.HasSystemTime) _hostClock.NoHostTime();
        if (onHostClock != _onHostClock)
        {
            _onHostClock = onHostClock;
            _anchored = false; // the two measurements differ by the host's call delay: start the line over
        }
        return onHostClock ? (double)block.SystemTimeNs + _hostClock.OffsetNs : block.NowNs;
    }

    private double Line(long position) => _originNs + (position - _originPosition) * _nsPerSample;

    private void Anchor(long position, double measured)
    {
        _anchored = true;
        _originPosition = position;
        _originNs = measured;
        _segmentStart = position;
        _segmentBlocks = 0;
        _segmentMax = 0;
        _segmentMaxPosition = position;
        _closedMax = double.NegativeInfinity;
        _historyCount = 0;
        _outliers = 0;
        Anchors++;
    }

    // False for a late outlier: that block is stamped at its measurement.
    private bool Observe(long position, double measured)
    {
        double residual = measured - Line(position);
        double envelope = Math.Max(_segmentMax, _closedMax);
        bool late = residual > envelope + LateOutlierNs;
        if (late || residual < envelope - EarlyOutlierNs)
        {
            if (++_outliers < OutliersToReanchor) return !late;
            Anchor(position, measured);
            return true;
        }
        _outliers = 0;
        if (_segmentBlocks >= MinSegmentBlocks && position - _segmentStart >= SegmentSeconds * _sampleRate) EndSegment(position);
        _segmentBlocks++;
        if (residual > _segmentMax)
        {
            _segmentMax = residual;
            _segmentMaxPosition = position;
        }
        return true;
    }

    private void EndSegment(long position)
    {
        int slot = _historyCount % HistoryLength;
        _historyResidual[slot] = _segmentMax;
        _historyPosition[slot] = _segmentMaxPosition;
        _historyCount++;
        _segmentMax = double.NegativeInfinity;
        _segmentStart = position;
        _segmentBlocks = 0;
        if (_historyCount >= 3) CorrectRate(position);
        _closedMax = double.NegativeInfinity;
        for (int i = 1; i < EnvelopeSegments && i <= _historyCount; i++)
            _closedMax = Math.Max(_closedMax, _historyResidual[(_historyCount - i) % HistoryLength]);
    }

    // Least-squares slope of the segment maxima: how far the line's rate is off.
    private void CorrectRate(long position)
    {
        int count = Math.Min(_historyCount, HistoryLength);
        double meanX = 0, meanY = 0;
        for (int i = 0; i < count; i++)
        {
            meanX += _historyPosition[i] - position;
            meanY += _historyResidual[i];
        }
        meanX /= count;
        meanY /= count;
        double sxx = 0, sxy = 0;
        for (int i = 0; i < count; i++)
        {
            double dx = _historyPosition[i] - position - meanX;
            sxx += dx * dx;
            sxy += dx * (_historyResidual[i] - meanY);
        }
        if (sxx <= 0) return;
        double target = Math.Clamp(_nsPerSample + SkewGain * sxy / sxx,
            _nominalNsPerSample * (1 - MaxSkew), _nominalNsPerSample * (1 + MaxSkew));
        double delta = target - _nsPerSample;
        // Turn about the current position; what was measured against the old line moves with it.
        _originNs = Line(position);
        _originPosition = position;
        _nsPerSample = target;
        for (int i = 0; i < count; i++) _historyResidual[i] -= delta * (_historyPosition[i] - position);
    }
}
