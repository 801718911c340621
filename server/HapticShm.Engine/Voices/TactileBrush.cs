namespace HapticShm.Engine.Voices;

/// <summary>
/// The timing model of Tactile Brush (Israr &amp; Poupyrev, CHI 2011) for apparent motion: a line
/// drawn as n phantom points, each lasting d ms, onsets SOA ms apart, with
/// <c>SOA = 0.32 d + 47.3</c>. A stroke of T ms then satisfies <c>T = (n - 1) SOA + d</c>, so
/// <c>d = (T - 47.3 (n - 1)) / (1 + 0.32 (n - 1))</c>.
/// </summary>
internal static class TactileBrush
{
    public const double SoaSlope = 0.32;
    public const double SoaOffsetMs = 47.3;

    /// <summary>Most points one stroke draws.</summary>
    public const int MaxPoints = 64;

    /// <summary>Shortest point: fewer points are drawn rather than shorter ones.</summary>
    public const double MinPointMs = 20;

    /// <summary>Onset spacing for points of <paramref name="durationMs"/>.</summary>
    public static double SoaMs(double durationMs) => SoaSlope * durationMs + SoaOffsetMs;

    /// <summary>Each point's duration when <paramref name="points"/> points fill <paramref name="strokeMs"/>.</summary>
    public static double PointMs(int points, double strokeMs) => (strokeMs - SoaOffsetMs * (points - 1)) / (1 + SoaSlope * (points - 1));

    /// <summary>Points for a line of <paramref name="lengthMetres"/>: one per transducer spacing
    /// (both ends included), fewer if the points would get shorter than <see cref="MinPointMs"/>.</summary>
    public static int PointCount(double lengthMetres, double spacingMetres, double strokeMs)
    {
        if (lengthMetres <= 1e-6) return 1;
        int points = (int)Math.Clamp(Math.Round(lengthMetres / spacingMetres) + 1, 2, MaxPoints);
        while (points > 1 && PointMs(points, strokeMs) < MinPointMs) points--;
        return points;
    }
}
