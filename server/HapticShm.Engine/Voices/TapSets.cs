namespace HapticShm.Engine.Voices;

/// <summary>
/// A ring of tap sets for one wave voice, structure-of-arrays: set s, transducer t is at
/// s * Stride + t. Each set says how every transducer reads the history: node offset and
/// gain-scaled Lagrange coefficients (see <see cref="Dsp.LagrangeDelay"/>). The ring is long
/// enough that no set still used by the current chunk is overwritten.
/// </summary>
internal sealed class TapSets
{
    public TapSets(int transducers, int sets)
    {
        Stride = (transducers + 7) & ~7; // whole Vector256 lanes
        Count = sets;
        Offsets = new int[Stride * sets];
        C0 = new float[Stride * sets];
        C1 = new float[Stride * sets];
        C2 = new float[Stride * sets];
        C3 = new float[Stride * sets];
    }

    public int Stride { get; }
    public int Count { get; }
    public int[] Offsets { get; }
    public float[] C0 { get; }
    public float[] C1 { get; }
    public float[] C2 { get; }
    public float[] C3 { get; }
}
