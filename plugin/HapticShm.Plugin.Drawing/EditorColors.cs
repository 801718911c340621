using HapticShm.Plugin.Core.Editor;
using SkiaSharp;

namespace HapticShm.Plugin.Drawing;

/// <summary>The editor's palette; a transducer's level maps to a colour by <see cref="Level"/>.</summary>
public static class EditorColors
{
    public static readonly SKColor Background = new(0x1C, 0x1F, 0x26);
    public static readonly SKColor Panel = new(0x26, 0x2A, 0x33);
    public static readonly SKColor Text = new(0xE6, 0xE8, 0xEC);
    public static readonly SKColor Track = new(0x3A, 0x40, 0x4C);
    public static readonly SKColor Fill = new(0x4F, 0x9D, 0xDE);
    public static readonly SKColor Marker = new(0xFF, 0xFF, 0xFF);
    /// <summary>The ring around the slider the keyboard moves.</summary>
    public static readonly SKColor Focus = new(0xF2, 0xC9, 0x4C);

    private static readonly SKColor Silent = new(0x30, 0x36, 0x44);
    private static readonly SKColor Full = new(0xFF, 0xA0, 0x20);

    /// <summary>The colour of a cell at <paramref name="level"/> (0..1, clamped): a straight blend
    /// from the silent colour to the full one.</summary>
    public static SKColor Level(float level)
    {
        float t = level > 0f ? Math.Min(level, 1f) : 0f;
        return new SKColor(Mix(Silent.Red, Full.Red, t), Mix(Silent.Green, Full.Green, t), Mix(Silent.Blue, Full.Blue, t));
    }

    /// <summary>The dot in front of the connection line.</summary>
    public static SKColor Connection(EditorConnectionState state) => state switch
    {
        EditorConnectionState.Connected => new SKColor(0x4C, 0xC3, 0x6A),
        EditorConnectionState.ServerHung => new SKColor(0xE0, 0x4A, 0x3C),
        _ => new SKColor(0xE8, 0xB8, 0x30),
    };

    private static byte Mix(byte from, byte to, float t) => (byte)MathF.Round(from + (to - from) * t);
}
