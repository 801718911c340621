using System.Numerics;

namespace HapticShm.Engine.Voices;

/// <summary>
/// Where a travelling wave starts and how it reaches each transducer.
/// Source: pitch bend -1..1 moves x by +-<see cref="HalfWidth"/> around the layout centre, timbre
/// 0..1 moves y by +-<see cref="HalfHeight"/>. Attenuation law (cylindrical spreading is 1/sqrt(d),
/// we use the steeper 1/d so the source position is clearly felt):
/// <c>gain = layoutGain * max(dNearest, R0) / max(d, R0)</c> with R0 = 2.5 cm, so the nearest
/// transducer plays at its layout gain and none is boosted above it when the source sits on top of one.
/// </summary>
internal sealed class WaveGeometry
{
    public const float HalfWidth = 0.20f;
    public const float HalfHeight = 0.20f;
    public const float R0 = 0.025f;

    private readonly Vector2[] _positions;
    private readonly float[] _layoutGains;
    private readonly Vector2 _centre;

    public WaveGeometry(TransducerLayout layout)
    {
        _positions = layout.Positions.ToArray();
        _layoutGains = layout.Gains.ToArray();
        _centre = layout.Centre;
        MaxDistance = 0f;
        foreach (Vector2 p in _positions)
        {
            for (int corner = 0; corner < 4; corner++)
            {
                var source = new Vector2(_centre.X + ((corner & 1) == 0 ? -HalfWidth : HalfWidth), _centre.Y + ((corner & 2) == 0 ? -HalfHeight : HalfHeight));
                // The farthest point of a rectangle from p is one of its corners.
                MaxDistance = MathF.Max(MaxDistance, Vector2.Distance(p, source));
            }
        }
    }

    public int Count => _positions.Length;

    /// <summary>Largest source-to-transducer distance in metres.</summary>
    public float MaxDistance { get; }

    public Vector2 SourcePosition(float pitchBend, float timbre) =>
        new(_centre.X + HalfWidth * Math.Clamp(pitchBend, -1f, 1f), _centre.Y + HalfHeight * 2f * (Math.Clamp(timbre, 0f, 1f) - 0.5f));

    /// <summary>Fills the delay (samples, at most <paramref name="maxDelay"/>) and gain of every
    /// transducer for a source at <paramref name="source"/>.</summary>
    public void Compute(Vector2 source, float samplesPerMetre, float maxDelay, Span<float> delays, Span<float> gains)
    {
        float nearest = float.MaxValue;
        for (int t = 0; t < _positions.Length; t++)
        {
            float d = Vector2.Distance(_positions[t], source);
            delays[t] = MathF.Min(d * samplesPerMetre, maxDelay);
            gains[t] = d;
            nearest = MathF.Min(nearest, d);
        }
        float reference = MathF.Max(nearest, R0);
        for (int t = 0; t < _positions.Length; t++)
        {
            gains[t] = _layoutGains[t] * reference / MathF.Max(gains[t], R0);
        }
    }
}
