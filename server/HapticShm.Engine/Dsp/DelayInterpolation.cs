namespace HapticShm.Engine.Dsp;

/// <summary>
/// How a wave voice's history is read between samples. Both orders share one kernel and one
/// history layout (<see cref="FarrowBasis"/>): linear keeps only <c>p1 = c - b</c>, cubic the
/// whole Lagrange basis. The voice picks the cheaper one whenever it stays within the error
/// bound the cubic reads are tested against (-60 dB re the carrier's amplitude), with margin.
/// </summary>
internal enum DelayInterpolation
{
    Linear,
    Cubic,
}

internal static class DelayInterpolationChoice
{
    /// <summary>Worst error allowed for a linear read, re amplitude 1: -63 dB (3 dB under the -60 dB bound).</summary>
    public const double LinearErrorBound = 7.0e-4;

    /// <summary>Largest |x (x - 1)| / 2 over the fractions a read window spans (x in [-0.5, 1.5], see
    /// <see cref="Voices.SegmentReads"/>).</summary>
    private const double WorstCurvatureFactor = 0.375;

    /// <summary>The order for a sine carrier of <paramref name="omega"/> radians per sample. Linear
    /// interpolation of a sine misses by at most <c>|x (x - 1)| / 2 * omega^2</c> (its second
    /// derivative is omega^2), so at 48 kHz every carrier up to about 330 Hz reads linearly.</summary>
    public static DelayInterpolation For(double omega) =>
        WorstCurvatureFactor * omega * omega <= LinearErrorBound ? DelayInterpolation.Linear : DelayInterpolation.Cubic;
}
