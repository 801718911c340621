using System.Numerics;

namespace HapticShm.Cli.Tests;

/// <summary>Test data shaped like a render of the default 4 x 8 array at 5 cm.</summary>
internal static class SyntheticRender
{
    public const int Rows = 4;
    public const int Columns = 8;
    public const float Spacing = 0.05f;

    public static Vector2[] GridPositions()
    {
        var positions = new Vector2[Rows * Columns];
        for (int r = 0; r < Rows; r++)
            for (int c = 0; c < Columns; c++) positions[r * Columns + c] = new Vector2(c * Spacing, r * Spacing);
        return positions;
    }

    /// <summary>RMS [transducer, column] of a source gliding from x = 0 to the far edge and back.</summary>
    public static float[,] MovingSourceRms(int columns)
    {
        var positions = GridPositions();
        var rms = new float[positions.Length, columns];
        float width = (Columns - 1) * Spacing;
        for (int t = 0; t < columns; t++)
        {
            float phase = (float)t / (columns - 1);
            float x = (phase < 0.5f ? phase * 2 : 2 - phase * 2) * width;
            for (int i = 0; i < positions.Length; i++)
            {
                float d = positions[i].X - x;
                rms[i, t] = 0.5f * MathF.Exp(-d * d / (2 * 0.03f * 0.03f)) * (1 + positions[i].Y * 4);
            }
        }
        return rms;
    }
}
