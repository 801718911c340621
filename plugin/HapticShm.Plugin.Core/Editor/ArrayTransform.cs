namespace HapticShm.Plugin.Core.Editor;

/// <summary>Maps layout metres to pixels of <see cref="EditorLayout.Array"/> and back: the bounds
/// keep their aspect ratio, centred, x to the right and y down (row 0 on top).</summary>
public readonly record struct ArrayTransform(float Scale, float OffsetX, float OffsetY)
{
    /// <summary>Fits the metre bounds [minX, maxX] x [minY, maxY] into <paramref name="area"/>.</summary>
    public static ArrayTransform Fit(PixelRect area, float minX, float minY, float maxX, float maxY)
    {
        float width = Math.Max(maxX - minX, 1e-3f), height = Math.Max(maxY - minY, 1e-3f);
        float scale = Math.Min(area.Width / width, area.Height / height);
        float offsetX = area.X + (area.Width - width * scale) / 2 - minX * scale;
        float offsetY = area.Y + (area.Height - height * scale) / 2 - minY * scale;
        return new ArrayTransform(scale, offsetX, offsetY);
    }

    /// <summary>Pixel x of a position in metres.</summary>
    public float PixelX(float metresX) => OffsetX + metresX * Scale;

    /// <summary>Pixel y of a position in metres.</summary>
    public float PixelY(float metresY) => OffsetY + metresY * Scale;

    /// <summary>Metres x of a pixel.</summary>
    public float MetresX(float pixelX) => (pixelX - OffsetX) / Scale;

    /// <summary>Metres y of a pixel.</summary>
    public float MetresY(float pixelY) => (pixelY - OffsetY) / Scale;
}
