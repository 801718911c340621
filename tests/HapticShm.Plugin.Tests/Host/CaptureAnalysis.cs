namespace HapticShm.Plugin.Tests.Host;

/// <summary>Reading a captured JACK port: how loud, and where the sound starts.</summary>
internal static class CaptureAnalysis
{
    public static float Peak(ReadOnlySpan<float> samples)
    {
        float peak = 0;
        foreach (float s in samples) peak = Math.Max(peak, Math.Abs(s));
        return peak;
    }

    /// <summary>The first sample at or after <paramref name="from"/> louder than <paramref name="threshold"/>; -1 if none.</summary>
    public static int FirstAbove(ReadOnlySpan<float> samples, int from, float threshold)
    {
        for (int i = Math.Max(0, from); i < samples.Length; i++)
            if (Math.Abs(samples[i]) > threshold) return i;
        return -1;
    }
}
