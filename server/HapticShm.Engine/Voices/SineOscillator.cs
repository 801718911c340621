using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace HapticShm.Engine.Voices;

/// <summary>
/// Sine carrier computed eight samples at a time. The phase is anchored exactly (double
/// precision) every <see cref="Period"/> frames, and at each anchor a table takes the sine and
/// cosine of the start of every group of eight frames in the period; sample k of group p is then
/// <c>sin(p + k w) = sin p cos kw + cos p sin kw</c>, one multiply-add. The table is filled by
/// eight independent double-precision rotations, so no sample waits on the one before it.
/// Vector and scalar paths evaluate the same expression from the same table, so the samples
/// depend only on the frame count, not on how a block is split.
/// </summary>
internal sealed class SineOscillator
{
    private const int Group = 8;
    private const int Period = 1024;
    private const int Groups = Period / Group;
    private const int Chains = 8; // groups rotated side by side while filling the table

    private readonly float[] _cosK = new float[Group];
    private readonly float[] _sinK = new float[Group];
    private readonly double[] _chainSin = new double[Chains], _chainCos = new double[Chains]; // rotation from the anchor to chain l's first group
    private readonly float[] _groupSin = new float[Groups];
    private readonly float[] _groupCos = new float[Groups];
    private double _omega, _stepSin, _stepCos;
    private long _frame;

    public void Start(double omega)
    {
        _omega = omega;
        for (int k = 0; k < Group; k++)
        {
            (double s, double c) = Math.SinCos(omega * k);
            _sinK[k] = (float)s;
            _cosK[k] = (float)c;
        }
        for (int l = 0; l < Chains; l++) (_chainSin[l], _chainCos[l]) = Math.SinCos(omega * Group * l);
        (_stepSin, _stepCos) = Math.SinCos(omega * Group * Chains);
        _frame = 0;
        FillTable();
    }

    /// <summary>The next <paramref name="destination"/>.Length samples, times <paramref name="gain"/>.</summary>
    public void Render(Span<float> destination, float gain)
    {
        ref float d = ref MemoryMarshal.GetReference(destination);
        int n = destination.Length;
        for (int j = 0; j < n;)
        {
            int inPeriod = (int)(_frame & (Period - 1));
            int run = Math.Min(n - j, Period - inPeriod);
            RenderRun(ref Unsafe.Add(ref d, j), inPeriod, run, gain);
            j += run;
            _frame += run;
            if ((_frame & (Period - 1)) == 0) FillTable();
        }
    }

    // Frames [inPeriod, inPeriod + run) of the current period: a partial group, whole groups, a partial group.
    private void RenderRun(ref float d, int inPeriod, int run, float gain)
    {
        int j = 0;
        for (; j < run && ((inPeriod + j) & (Group - 1)) != 0; j++) Unsafe.Add(ref d, j) = Sample(inPeriod + j) * gain;
        if (Vector256.IsHardwareAccelerated)
        {
            ref float groupSin = ref MemoryMarshal.GetArrayDataReference(_groupSin);
            ref float groupCos = ref MemoryMarshal.GetArrayDataReference(_groupCos);
            Vector256<float> cosK = Vector256.Create(_cosK), sinK = Vector256.Create(_sinK), vGain = Vector256.Create(gain);
            for (int g = (inPeriod + j) / Group; j + Group <= run; j += Group, g++)
            {
                (Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref groupCos, g)), sinK, Vector256.Create(Unsafe.Add(ref groupSin, g)) * cosK) * vGain).StoreUnsafe(ref d, (nuint)j);
            }
        }
        for (; j < run; j++) Unsafe.Add(ref d, j) = Sample(inPeriod + j) * gain;
    }

    // Frame p of the period, as the vector path computes it.
    private float Sample(int p) => MathF.FusedMultiplyAdd(_groupCos[p / Group], _sinK[p & (Group - 1)], _groupSin[p / Group] * _cosK[p & (Group - 1)]);

    // The period starting at _frame: its anchor exactly, then every group's phase by rotation.
    private void FillTable()
    {
        (double anchorSin, double anchorCos) = Math.SinCos(_omega * _frame % (2 * Math.PI));
        var chainSin = Vector256.Create(_chainSin.AsSpan(0, 4));
        var chainCos = Vector256.Create(_chainCos.AsSpan(0, 4));
        var chainSin2 = Vector256.Create(_chainSin.AsSpan(4, 4));
        var chainCos2 = Vector256.Create(_chainCos.AsSpan(4, 4));
        Vector256<double> s0 = Vector256.Create(anchorSin), c0 = Vector256.Create(anchorCos);
        Vector256<double> sinA = s0 * chainCos + c0 * chainSin, cosA = c0 * chainCos - s0 * chainSin;
        Vector256<double> sinB = s0 * chainCos2 + c0 * chainSin2, cosB = c0 * chainCos2 - s0 * chainSin2;
        Vector256<double> stepSin = Vector256.Create(_stepSin), stepCos = Vector256.Create(_stepCos);
        for (int g = 0; g < Groups; g += Chains)
        {
            Vector256.Narrow(sinA, sinB).CopyTo(_groupSin.AsSpan(g, Chains));
            Vector256.Narrow(cosA, cosB).CopyTo(_groupCos.AsSpan(g, Chains));
            (sinA, cosA) = (sinA * stepCos + cosA * stepSin, cosA * stepCos - sinA * stepSin);
            (sinB, cosB) = (sinB * stepCos + cosB * stepSin, cosB * stepCos - sinB * stepSin);
        }
    }
}
