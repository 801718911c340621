using HapticShm.Engine.Dsp;

namespace HapticShm.Engine.Voices;

/// <summary>
/// A wave voice's source signal as a ring, with its <see cref="FarrowBasis"/> beside it: four rings
/// of the same length, <see cref="P0"/> the signal itself and <see cref="P1"/>..<see cref="P3"/>
/// the basis of each node. The start of every ring is mirrored after its end, so any read of up
/// to <see cref="RenderScratch.ChunkFrames"/> consecutive nodes is one contiguous span.
/// </summary>
/// <remarks>The basis of node n needs the signal up to n + 2, so after a write ending at node
/// w - 1 the basis is complete up to w - 3: readers stay at least two nodes behind the newest
/// sample (a delay of at least one sample, see <see cref="SegmentReads"/>).</remarks>
internal sealed class WaveHistory
{
    private const int Mirror = RenderScratch.ChunkFrames + 4;

    public WaveHistory(int minimumLength)
    {
        int capacity = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(minimumLength, Mirror));
        Mask = capacity - 1;
        P0 = new float[capacity + Mirror];
        P1 = new float[capacity + Mirror];
        P2 = new float[capacity + Mirror];
        P3 = new float[capacity + Mirror];
    }

    public float[] P0 { get; }
    public float[] P1 { get; }
    public float[] P2 { get; }
    public float[] P3 { get; }

    /// <summary>Ring length minus one (a power of two minus one).</summary>
    public int Mask { get; }

    /// <summary>Ring index the next sample goes to.</summary>
    public int Next { get; private set; }

    /// <summary>Whether the basis is linear (only <see cref="P1"/>) or cubic; set by <see cref="Clear"/>.</summary>
    public DelayInterpolation Interpolation { get; private set; } = DelayInterpolation.Cubic;

    public void Clear(DelayInterpolation interpolation)
    {
        Interpolation = interpolation;
        Array.Clear(P0);
        Array.Clear(P1);
        Array.Clear(P2);
        Array.Clear(P3);
        Next = 0;
    }

    /// <summary>Where the next <paramref name="count"/> samples of the signal (at most a chunk) are
    /// to be written before <see cref="EndAppend"/>: straight into the ring when the chunk, the
    /// three samples before it and its basis lie clear of the ring's end and of its mirrored
    /// start (most chunks), else into scratch.</summary>
    public Span<float> BeginAppend(int count, RenderScratch scratch) =>
        WritesDirectly(count) ? P0.AsSpan(Next, count) : scratch.BasisSignal.AsSpan(3, count);

    /// <summary>Takes the <paramref name="count"/> samples written since <see cref="BeginAppend"/>
    /// and completes the basis of the nodes they make computable (Next - 2 .. Next + count - 3).</summary>
    public void EndAppend(int count, RenderScratch scratch)
    {
        if (WritesDirectly(count))
        {
            ComputeBasis(P0.AsSpan(Next - 3, count + 3), P1.AsSpan(Next - 2, count), P2.AsSpan(Next - 2, count), P3.AsSpan(Next - 2, count));
        }
        else
        {
            Span<float> signal = scratch.BasisSignal.AsSpan(0, count + 3);
            for (int k = 0; k < 3; k++) signal[k] = P0[(Next - 3 + k) & Mask];
            Span<float> p1 = scratch.Basis1.AsSpan(0, count), p2 = scratch.Basis2.AsSpan(0, count), p3 = scratch.Basis3.AsSpan(0, count);
            ComputeBasis(signal, p1, p2, p3);
            WriteRing(P0, Next, signal[3..]);
            WriteRing(P1, Next - 2, p1);
            if (Interpolation == DelayInterpolation.Cubic)
            {
                WriteRing(P2, Next - 2, p2);
                WriteRing(P3, Next - 2, p3);
            }
        }
        Next = (Next + count) & Mask;
    }

    private void ComputeBasis(ReadOnlySpan<float> signal, Span<float> p1, Span<float> p2, Span<float> p3)
    {
        if (Interpolation == DelayInterpolation.Linear) FarrowBasis.ComputeLinear(signal, p1);
        else FarrowBasis.Compute(signal, p1, p2, p3);
    }

    // The chunk, the three samples before it and its basis (from Next - 2) lie clear of the ring's
    // end and of its mirrored start. Next only moves in EndAppend, so both calls agree.
    private bool WritesDirectly(int count) => Next - 3 >= Mirror && Next + count <= Mask + 1;

    private void WriteRing(float[] ring, int at, ReadOnlySpan<float> values)
    {
        int capacity = Mask + 1;
        at &= Mask;
        int first = Math.Min(values.Length, capacity - at);
        values[..first].CopyTo(ring.AsSpan(at));
        values[first..].CopyTo(ring); // wrapped part
        int end = at + values.Length;
        if (at < Mirror) ring.AsSpan(at, Math.Min(end, Mirror) - at).CopyTo(ring.AsSpan(capacity + at));
        if (end > capacity) ring.AsSpan(0, Math.Min(end - capacity, Mirror)).CopyTo(ring.AsSpan(capacity));
    }
}
