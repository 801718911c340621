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

/// <remarks>A linear read never needs more than one window per segment: the glide moves a delay
/// by at most <c>s = 0.6e-3 / omega * 64</c> samples per segment (the slew limit, see
/// <see cref="Voices.WaveVoice"/>), so with the node picked at the segment's middle x stays within
/// s / 2 of (0, 1], and the line through two nodes misses a sine there by at most
/// <c>(s^2 / 4 + s / 2) / 2 * omega^2 = 1.84e-4 + 0.0096 omega</c>: under
/// <see cref="LinearErrorBound"/> for every carrier that reads linearly (omega &lt;= 0.0432). Below
/// 9 Hz the slew cap of half a sample per frame applies instead (s = 32): at most 136 omega^2 &lt; 2e-4.</remarks>
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
