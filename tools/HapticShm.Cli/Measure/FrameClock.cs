using HapticShm.Jack;

namespace HapticShm.Cli.Measure;

/// <summary>
/// The device clock as a straight line, monotonic ns against JACK frames, fitted by least squares
/// over a run of capture cycles. Each cycle's own time is JACK's estimate converted from
/// CLOCK_MONOTONIC_RAW by a per-call offset reading, which on a busy machine is off by several µs
/// now and then; a line through a second of cycles is not, so a timestamp maps to a frame
/// without that noise deciding which sample it rounds to.
/// </summary>
internal readonly record struct FrameClock(uint OriginFrame, long OriginNs, double NsPerFrame)
{
    /// <summary>Monotonic ns of <paramref name="frame"/>.</summary>
    public long NsAt(uint frame) => OriginNs + (long)Math.Round((int)(frame - OriginFrame) * NsPerFrame);

    /// <summary>The frame nearest to <paramref name="monotonicNs"/>, and how far (in frames) it is from it.</summary>
    public uint FrameAt(long monotonicNs, out double residual)
    {
        double exact = (monotonicNs - OriginNs) / NsPerFrame;
        double nearest = Math.Round(exact);
        residual = exact - nearest;
        return OriginFrame + (uint)(int)nearest;
    }

    /// <summary>Fits cycles [<paramref name="from"/>, <paramref name="to"/>) of a capture.</summary>
    public static FrameClock Fit(JackCaptureClient capture, int from, int to)
    {
        from = Math.Max(0, from);
        to = Math.Min(capture.CycleCount, to);
        if (to - from < 2) throw new InvalidOperationException("too few capture cycles to fit the device clock");
        JackCaptureCycle origin = capture.Cycle(from);
        double n = to - from, sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int i = from; i < to; i++)
        {
            JackCaptureCycle cycle = capture.Cycle(i);
            double x = (int)(cycle.FrameTime - origin.FrameTime), y = cycle.MonotonicNs - origin.MonotonicNs;
            sx += x; sy += y; sxx += x * x; sxy += x * y;
        }
        double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        double intercept = (sy - slope * sx) / n;
        return new FrameClock(origin.FrameTime, origin.MonotonicNs + (long)Math.Round(intercept), slope);
    }
}
