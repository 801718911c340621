using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace HapticShm.Engine.Voices;

/// <summary>
/// Sine carrier computed eight samples at a time: the phase at the start of each group of eight
/// (by frame count) is a double-precision rotation, re-anchored exactly every 1024 frames, and
/// sample k of the group is <c>sin(p + k w) = sin p cos kw + cos p sin kw</c>. Vector and scalar
/// paths evaluate the same expression, so the samples do not depend on how a block is split.
/// </summary>
internal sealed class SineOscillator
{
    private const int Group = 8;
    private const int AnchorMask = 1023;

    private readonly float[] _cosK = new float[Group];
    private readonly float[] _sinK = new float[Group];
    private double _omega, _groupSin, _groupCos, _stepSin, _stepCos;
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
        (_stepSin, _stepCos) = Math.SinCos(omega * Group);
        (_groupSin, _groupCos) = (0, 1);
        _frame = 0;
    }

    public void Render(Span<float> destination)
    {
        ref float d = ref MemoryMarshal.GetReference(destination);
        int n = destination.Length;
        for (int j = 0; j < n;)
        {
            int k = (int)(_frame & (Group - 1));
            float gs = (float)_groupSin, gc = (float)_groupCos;
            if (k == 0 && j + Group <= n && Vector256.IsHardwareAccelerated)
            {
                Vector256<float> cosK = Vector256.Create(_cosK), sinK = Vector256.Create(_sinK);
                Vector256.FusedMultiplyAdd(Vector256.Create(gc), sinK, Vector256.Create(gs) * cosK).StoreUnsafe(ref d, (nuint)j);
                j += Group;
                _frame += Group;
            }
            else
            {
                Unsafe.Add(ref d, j) = MathF.FusedMultiplyAdd(gc, _sinK[k], gs * _cosK[k]);
                j++;
                _frame++;
                if ((_frame & (Group - 1)) != 0) continue;
            }
            NextGroup();
        }
    }

    private void NextGroup()
    {
        if ((_frame & AnchorMask) == 0)
        {
            (_groupSin, _groupCos) = Math.SinCos(_omega * _frame % (2 * Math.PI));
            return;
        }
        double s = _groupSin * _stepCos + _groupCos * _stepSin;
        _groupCos = _groupCos * _stepCos - _groupSin * _stepSin;
        _groupSin = s;
    }
}
