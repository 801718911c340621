using System.Runtime.InteropServices;
using HapticShm.Plugin.Core.Editor;
using SkiaSharp;

namespace HapticShm.Plugin.Drawing;

/// <summary>
/// Draws an <see cref="EditorViewModel"/> with SkiaSharp on the CPU into a pixel buffer it owns
/// (BGRA, premultiplied, 4 bytes a pixel: what XPutImage and SetDIBitsToDevice take). Everything
/// is made in the constructor and in <see cref="Resize"/>; <see cref="Draw"/> allocates nothing.
/// One method per part of the picture.
/// </summary>
public sealed unsafe partial class EditorPainter : IDisposable
{
    private const float FontSize = 13;
    private static readonly Lock TypefaceLock = new();
    private static SKTypeface? s_typeface;
    private static string? s_typefacePath;
    private readonly GlyphAtlas _glyphs;
    private readonly SKPaint _fill = new() { IsAntialias = true, Style = SKPaintStyle.Fill };
    private readonly SKPaint _stroke = new() { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 2 };
    private readonly SKPaint _image = new();
    private SKSurface? _surface;
    private void* _pixels;

    /// <param name="fontPath">A TrueType font file (the bundle ships DejaVuSans.ttf).</param>
    public EditorPainter(string fontPath)
    {
        _glyphs = new GlyphAtlas(Typeface(fontPath), FontSize, EditorColors.Text);
        Resize(640, 360);
    }

    /// <summary>Width of the pixel buffer.</summary>
    public int Width { get; private set; }

    /// <summary>Height of the pixel buffer.</summary>
    public int Height { get; private set; }

    /// <summary>The pixels of the last <see cref="Draw"/>, row after row, <see cref="Width"/> per row.</summary>
    public ReadOnlySpan<uint> Pixels => new(_pixels, Width * Height);

    /// <summary>Pointer to <see cref="Pixels"/> for a blit (valid until the next <see cref="Resize"/>).</summary>
    public nint PixelAddress => (nint)_pixels;

    /// <summary>Reallocates the buffer (only when the size changes).</summary>
    public void Resize(int width, int height)
    {
        width = Math.Max(1, width);
        height = Math.Max(1, height);
        if (width == Width && height == Height && _surface is not null) return;
        ReleaseSurface();
        _pixels = NativeMemory.AllocZeroed((nuint)width * (nuint)height * 4);
        _surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Bgra8888, SKAlphaType.Premul), (nint)_pixels, width * 4)
            ?? throw new InvalidOperationException($"SkiaSharp could not make a {width} x {height} surface");
        (Width, Height) = (width, height);
    }

    /// <summary>Draws one frame of <paramref name="model"/>, whose layout is this painter's size
    /// divided by <paramref name="scale"/> (HiDPI: the layout in logical pixels, the buffer in
    /// physical ones).</summary>
    public void Draw(EditorViewModel model, float scale = 1f)
    {
        SKCanvas canvas = _surface!.Canvas;
        canvas.ResetMatrix();
        canvas.Clear(EditorColors.Background);
        if (scale != 1f) canvas.Scale(scale);
        DrawConnection(canvas, model);
        DrawControls(canvas, model);
        DrawArray(canvas, model);
        canvas.Flush();
    }

    /// <summary>A PNG of the last frame (allocates: for tests and screenshots).</summary>
    public byte[] EncodePng()
    {
        using SKImage image = _surface!.Snapshot();
        using SKData data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    // One typeface for the module's life: Skia's glyph cache keeps every typeface it has drawn
    // with (and its mapped file) alive, so loading one per editor opened would grow without bound.
    private static SKTypeface Typeface(string fontPath)
    {
        lock (TypefaceLock)
        {
            if (s_typeface is null || s_typefacePath != fontPath)
            {
                s_typeface = SKTypeface.FromFile(fontPath) ?? throw new FileNotFoundException("cannot load the editor's font", fontPath);
                s_typefacePath = fontPath;
            }
            return s_typeface;
        }
    }

    private void DrawText(SKCanvas canvas, ReadOnlySpan<char> text, float x, float y) => _glyphs.Draw(canvas, text, x, y, _image);

    private void ReleaseSurface()
    {
        _surface?.Dispose();
        _surface = null;
        if (_pixels != null) NativeMemory.Free(_pixels);
        _pixels = null;
    }

    public void Dispose()
    {
        ReleaseSurface();
        _glyphs.Dispose();
        _fill.Dispose();
        _stroke.Dispose();
        _image.Dispose();
    }
}
