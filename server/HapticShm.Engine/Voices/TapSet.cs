namespace HapticShm.Engine.Voices;

/// <summary>How one transducer reads a wave voice's history: node offset and gain-scaled
/// Lagrange coefficients (see <see cref="Dsp.LagrangeDelay"/>).</summary>
internal struct TapSet
{
    public int Offset;
    public float C0, C1, C2, C3;
}
