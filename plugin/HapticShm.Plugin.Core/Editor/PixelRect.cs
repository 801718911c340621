namespace HapticShm.Plugin.Core.Editor;

/// <summary>A rectangle in the editor's pixels (origin top-left, y down).</summary>
public readonly record struct PixelRect(float X, float Y, float Width, float Height)
{
    /// <summary>Right edge.</summary>
    public float Right => X + Width;

    /// <summary>Bottom edge.</summary>
    public float Bottom => Y + Height;

    /// <summary>Whether the point lies inside (edges included on the top-left side).</summary>
    public bool Contains(float x, float y) => x >= X && x < Right && y >= Y && y < Bottom;
}
