namespace HapticShm.Engine.Tests;

/// <summary>Least-squares fit of <c>R sin(omega (n - n0) + phi)</c> with a known frequency.</summary>
internal readonly record struct SineFit(double Amplitude, double Phase)
{
    public static SineFit Fit(ReadOnlySpan<float> samples, int from, int to, double omega, long originFrame)
    {
        double ss = 0, cc = 0, sc = 0, ys = 0, yc = 0;
        for (int n = from; n < to; n++)
        {
            double arg = omega * (n - originFrame);
            double s = Math.Sin(arg), c = Math.Cos(arg), y = samples[n];
            ss += s * s; cc += c * c; sc += s * c; ys += y * s; yc += y * c;
        }
        double det = ss * cc - sc * sc;
        double a = (ys * cc - yc * sc) / det; // coefficient of sin
        double b = (yc * ss - ys * sc) / det; // coefficient of cos
        return new SineFit(Math.Sqrt(a * a + b * b), Math.Atan2(b, a));
    }

    /// <summary>The lag (samples) this phase means, taking the period copy nearest <paramref name="expected"/>.</summary>
    public double LagNear(double omega, double expected)
    {
        double lag = -Phase / omega, period = 2 * Math.PI / omega;
        return lag + Math.Round((expected - lag) / period) * period;
    }
}
