using SkiaSharp;

namespace HapticShm.Plugin.Drawing;

/// <summary>
/// Printable ASCII drawn once into an image, so a frame draws its text as image copies: SkiaSharp's
/// text calls take strings or allocate a blob object per call, and a frame must allocate nothing.
/// Characters outside ASCII show as '?'.
/// </summary>
internal sealed class GlyphAtlas : IDisposable
{
    private const char First = ' ', Last = '~';
    private readonly SKImage _image;
    private readonly SKRect[] _source = new SKRect[Last - First + 1];
    private readonly float[] _advance = new float[Last - First + 1];
    private readonly float _ascent;

    public GlyphAtlas(SKTypeface typeface, float size, SKColor color)
    {
        using var font = new SKFont(typeface, size) { Subpixel = true, Edging = SKFontEdging.Antialias };
        font.GetFontMetrics(out SKFontMetrics metrics);
        _ascent = -metrics.Ascent;
        LineHeight = MathF.Ceiling(-metrics.Ascent + metrics.Descent + metrics.Leading);
        int cellHeight = (int)MathF.Ceiling(-metrics.Ascent + metrics.Descent) + 2;
        float x = 0;
        for (char c = First; c <= Last; c++)
        {
            _advance[c - First] = font.MeasureText(c.ToString());
            _source[c - First] = new SKRect(x, 0, x + MathF.Ceiling(_advance[c - First]) + 2, cellHeight);
            x = _source[c - First].Right + 2;
        }
        using var surface = SKSurface.Create(new SKImageInfo((int)MathF.Ceiling(x), cellHeight, SKColorType.Bgra8888, SKAlphaType.Premul));
        surface.Canvas.Clear(SKColors.Transparent);
        using var paint = new SKPaint { Color = color, IsAntialias = true };
        for (char c = First; c <= Last; c++)
            surface.Canvas.DrawText(c.ToString(), _source[c - First].Left + 1, _ascent + 1, font, paint);
        _image = surface.Snapshot();
    }

    /// <summary>Distance between baselines.</summary>
    public float LineHeight { get; }

    /// <summary>Draws <paramref name="text"/> with its top-left at (<paramref name="x"/>, <paramref name="y"/>);
    /// returns the x after it.</summary>
    public float Draw(SKCanvas canvas, ReadOnlySpan<char> text, float x, float y, SKPaint paint)
    {
        foreach (char c in text)
        {
            int i = c >= First && c <= Last ? c - First : '?' - First;
            SKRect source = _source[i];
            float left = MathF.Round(x), top = MathF.Round(y);
            canvas.DrawImage(_image, source, new SKRect(left - 1, top - 1, left - 1 + source.Width, top - 1 + source.Height), paint);
            x += _advance[i];
        }
        return x;
    }

    public void Dispose() => _image.Dispose();
}
