using HapticShm.Jack;

namespace HapticShm.Cli.Measure;

/// <summary>Reading a JACK capture: where sound starts and stops, how loud, whether it is finite.</summary>
internal static class CaptureAnalysis
{
    /// <summary>Below this every port counts as silent.</summary>
    public const float SilentBelow = 1e-4f;

    /// <summary>Above this a port counts as sounding.</summary>
    public const float SoundingAbove = 0.05f;

    /// <summary>First recorded sample heard at or after <paramref name="monotonicNs"/>.</summary>
    public static int SampleAt(JackCaptureClient capture, long monotonicNs)
    {
        int lo = 0, hi = capture.RecordedFrames - 1;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (capture.SampleToMonotonicNs(mid) < monotonicNs) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /// <summary>Largest |sample| over every channel in [from, to).</summary>
    public static float Peak(JackCaptureClient capture, int from, int to)
    {
        float peak = 0;
        for (int c = 0; c < capture.ChannelCount; c++)
        {
            ReadOnlySpan<float> samples = capture.Channel(c);
            for (int i = Math.Max(0, from); i < Math.Min(to, samples.Length); i++) peak = Math.Max(peak, Math.Abs(samples[i]));
        }
        return peak;
    }

    /// <summary>First sample in [from, to) where any channel exceeds <paramref name="threshold"/>, or -1.</summary>
    public static int FirstAbove(JackCaptureClient capture, int from, int to, float threshold)
    {
        int first = -1;
        for (int c = 0; c < capture.ChannelCount; c++)
        {
            ReadOnlySpan<float> samples = capture.Channel(c);
            int end = Math.Min(to, samples.Length);
            if (first >= 0) end = Math.Min(end, first);
            for (int i = Math.Max(0, from); i < end; i++)
            {
                if (Math.Abs(samples[i]) <= threshold) continue;
                first = i;
                break;
            }
        }
        return first;
    }

    /// <summary>First sample from which every channel stays silent until <paramref name="to"/>.</summary>
    public static int FirstSilentSample(JackCaptureClient capture, int from, int to)
    {
        int lastLoud = from - 1;
        for (int c = 0; c < capture.ChannelCount; c++)
        {
            ReadOnlySpan<float> samples = capture.Channel(c);
            for (int i = Math.Min(to, samples.Length) - 1; i > lastLoud; i--)
            {
                if (Math.Abs(samples[i]) < SilentBelow) continue;
                lastLoud = i;
                break;
            }
        }
        return lastLoud + 1;
    }

    /// <summary>Samples that are NaN or infinite, over every channel.</summary>
    public static long NonFinite(JackCaptureClient capture)
    {
        long count = 0;
        for (int c = 0; c < capture.ChannelCount; c++)
            foreach (float s in capture.Channel(c))
                if (!float.IsFinite(s)) count++;
        return count;
    }

    /// <summary>Recorded sample indices where JACK's frame counter did not advance by the block
    /// just recorded (an xrun skipped or repeated frames): the sample timeline breaks there.</summary>
    public static List<long> Discontinuities(JackCaptureClient capture)
    {
        var breaks = new List<long>();
        for (int i = 1; i < capture.CycleCount; i++)
        {
            JackCaptureCycle previous = capture.Cycle(i - 1), cycle = capture.Cycle(i);
            if ((uint)(cycle.FrameTime - previous.FrameTime) != (ulong)(cycle.FirstSample - previous.FirstSample)) breaks.Add(cycle.FirstSample);
        }
        return breaks;
    }

    /// <summary>The recorded sample index of JACK frame <paramref name="frame"/>, or -1 if it was
    /// not recorded (before the capture, skipped by an xrun, or not yet).</summary>
    public static long FrameToSample(JackCaptureClient capture, uint frame)
    {
        int count = capture.CycleCount;
        if (count == 0) return -1;
        if ((int)(frame - capture.Cycle(0).FrameTime) < 0) return -1; // before the capture (wrap-aware)
        int lo = capture.CycleOfFrame(frame);
        JackCaptureCycle cycle = capture.Cycle(lo);
        long length = lo + 1 < count ? capture.Cycle(lo + 1).FirstSample - cycle.FirstSample : capture.RecordedFrames - cycle.FirstSample;
        long offset = (uint)(frame - cycle.FrameTime);
        return offset < length ? cycle.FirstSample + offset : -1;
    }

    /// <summary>Waits (up to <paramref name="timeout"/>) until the capture has recorded past <paramref name="monotonicNs"/>.</summary>
    public static bool WaitRecordedPast(JackCaptureClient capture, long monotonicNs, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (capture.RecordedFrames > 0 && capture.SampleToMonotonicNs(capture.RecordedFrames - 1) > monotonicNs) return true;
            if (capture.IsFull) return false;
            Thread.Sleep(5);
        }
        return false;
    }
}
