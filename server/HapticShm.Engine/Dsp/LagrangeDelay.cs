namespace HapticShm.Engine.Dsp;

/// <summary>
/// Fractional-delay read with 4-point (cubic) Lagrange interpolation. The four nodes always end at
/// or before the newest sample, so a delay below one sample needs no look-ahead: for delay
/// D &gt;= 1 the read point sits between the middle nodes; for D &lt; 1 it sits between the last two
/// (still cubic, error about twice as large, far below -100 dB at 400 Hz / 48 kHz).
/// </summary>
internal static class LagrangeDelay
{
    /// <summary>Coefficients (scaled by <paramref name="gain"/>) for reading
    /// <c>x[n - delay]</c> as <c>c0*x[n-o] + c1*x[n-o+1] + c2*x[n-o+2] + c3*x[n-o+3]</c>.</summary>
    public static void Coefficients(double delay, float gain, out int offset, out float c0, out float c1, out float c2, out float c3)
    {
        int whole = Math.Max((int)Math.Floor(delay), 1);
        double t = 1 + whole - delay; // position of the read point from node 1 (nodes at -1, 0, 1, 2)
        offset = whole + 2;
        double tp1 = t + 1, tm1 = t - 1, tm2 = t - 2;
        c0 = (float)(-t * tm1 * tm2 / 6 * gain);
        c1 = (float)(tp1 * tm1 * tm2 / 2 * gain);
        c2 = (float)(-tp1 * t * tm2 / 2 * gain);
        c3 = (float)(tp1 * t * tm1 / 6 * gain);
    }

    /// <summary>Reads one sample of <paramref name="history"/> at <paramref name="delay"/> samples
    /// before index <paramref name="newest"/> (which must have at least three older samples).</summary>
    public static float Read(ReadOnlySpan<float> history, int newest, double delay)
    {
        Coefficients(delay, 1f, out int offset, out float c0, out float c1, out float c2, out float c3);
        int i = newest - offset;
        return c0 * history[i] + c1 * history[i + 1] + c2 * history[i + 2] + c3 * history[i + 3];
    }
}
