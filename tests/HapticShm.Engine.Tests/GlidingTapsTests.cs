using HapticShm.Engine.Dsp;
using HapticShm.Engine.Voices;

namespace HapticShm.Engine.Tests;

public sealed class GlidingTapsTests
{
    [Fact]
    public void Add_WindowsUpToOneNodeApart_MatchesTwoPassCrossfade()
    {
        const int Frames = 64, Newest = 100;
        const float Fade = 0.7f;
        var random = new Random(7);
        var sets = new TapSets(24, 2);
        var history = new float[Newest + Frames + 8];
        for (int i = 0; i < history.Length; i++) history[i] = (float)(random.NextDouble() * 2 - 1);
        for (int t = 0; t < 24; t++)
        {
            sets.Offsets[t] = 6;
            sets.Offsets[sets.Stride + t] = 6 - (t % 3 - 1); // B starts -1, 0 or +1 nodes after A
            foreach (float[] c in new[] { sets.C0, sets.C1, sets.C2, sets.C3 })
            {
                c[t] = (float)random.NextDouble() - 0.5f;
                c[sets.Stride + t] = (float)random.NextDouble() - 0.5f;
            }
        }
        var ramp = new float[Frames];
        var weightA = new float[Frames];
        var weightB = new float[Frames];
        for (int j = 0; j < Frames; j++)
        {
            ramp[j] = (j + 1) / (float)Frames;
            (weightA[j], weightB[j]) = (Fade * (1 - ramp[j]), Fade * ramp[j]);
        }
        var table = new GlideTable(sets.Stride);
        table.Fill(sets, 0, 1, Fade);

        for (int t = 0; t < 24; t++)
        {
            var expected = new float[Frames];
            var actual = new float[Frames];
            int b = sets.Stride + t;
            TapKernels.AddCrossfadedTaps(ref expected[0], 0, Frames, ref weightA[0], ref weightB[0], ref history[0], Newest - sets.Offsets[t], Newest - sets.Offsets[b],
                sets.C0[t], sets.C1[t], sets.C2[t], sets.C3[t], sets.C0[b], sets.C1[b], sets.C2[b], sets.C3[b]);
            int first = Newest - table.Offsets[t];
            if (table.Taps[t] == 4)
            {
                GlidingTaps.Add4(ref actual[0], 0, Frames, ref ramp[0], ref history[0], first,
                    table.A0[t], table.A1[t], table.A2[t], table.A3[t], table.D0[t], table.D1[t], table.D2[t], table.D3[t]);
            }
            else
            {
                Assert.Equal(5, table.Taps[t]);
                GlidingTaps.Add5(ref actual[0], 0, Frames, ref ramp[0], ref history[0], first,
                    table.A0[t], table.A1[t], table.A2[t], table.A3[t], table.A4[t], table.D0[t], table.D1[t], table.D2[t], table.D3[t], table.D4[t]);
            }
            for (int j = 0; j < Frames; j++) Assert.True(Math.Abs(expected[j] - actual[j]) < 1e-6f, $"transducer {t}, frame {j}: {actual[j]} vs {expected[j]}");
        }
    }

    [Fact]
    public void Fill_WindowsTwoNodesApart_MarkedForTwoPassCrossfade()
    {
        var sets = new TapSets(8, 2);
        for (int t = 0; t < 8; t++) (sets.Offsets[t], sets.Offsets[sets.Stride + t]) = (10, 10 - 2 + (t % 2) * 4);
        var table = new GlideTable(sets.Stride);
        table.Fill(sets, 0, 1, 1f);
        for (int t = 0; t < 8; t++) Assert.Equal(0, table.Taps[t]);
    }
}
