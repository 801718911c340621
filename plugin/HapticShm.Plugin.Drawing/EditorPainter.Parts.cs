using HapticShm.Plugin.Core.Editor;
using HapticShm.Shared.Status;
using SkiaSharp;

namespace HapticShm.Plugin.Drawing;

public sealed partial class EditorPainter
{
    private void DrawConnection(SKCanvas canvas, EditorViewModel model)
    {
        PixelRect header = model.Layout.Header;
        _fill.Color = EditorColors.Panel;
        canvas.DrawRoundRect(header.X, header.Y, header.Width, header.Height, 4, 4, _fill);
        float line = _glyphs.LineHeight;
        float top = header.Y + 4;
        _fill.Color = EditorColors.Connection(model.Connection);
        canvas.DrawCircle(header.X + 10, top + line / 2, 5, _fill);
        DrawText(canvas, model.ConnectionText.Span, header.X + 22, top);
        DrawText(canvas, model.ServerText.Span, header.X + 22, top + line);
        DrawText(canvas, model.RingText.Span, header.X + 22, top + 2 * line);
        DrawText(canvas, model.ClockText.Span, header.X + 22, top + 3 * line);
    }

    /// <summary>Pixels between a focused track and its ring (the ring's 2-pixel stroke is centred on it).</summary>
    public const float FocusGap = 3;

    private void DrawControls(SKCanvas canvas, EditorViewModel model)
    {
        ReadOnlySpan<EditorControl> controls = model.Controls;
        for (int i = 0; i < controls.Length; i++)
        {
            PixelRect track = model.Layout.Track(i);
            DrawText(canvas, controls[i].Text.Span, track.X, track.Y - _glyphs.LineHeight - 2);
            _fill.Color = EditorColors.Track;
            canvas.DrawRoundRect(track.X, track.Y, track.Width, track.Height, 3, 3, _fill);
            _fill.Color = EditorColors.Fill;
            float filled = (float)(track.Width * controls[i].Normalized);
            if (filled > 0) canvas.DrawRoundRect(track.X, track.Y, filled, track.Height, 3, 3, _fill);
            if (model.HasKeyboardFocus && i == model.FocusedControl)
            {
                _stroke.Color = EditorColors.Focus;
                canvas.DrawRoundRect(track.X - FocusGap, track.Y - FocusGap, track.Width + 2 * FocusGap, track.Height + 2 * FocusGap, 4, 4, _stroke);
            }
        }
    }

    private void DrawArray(SKCanvas canvas, EditorViewModel model)
    {
        PixelRect area = model.Layout.Array;
        _fill.Color = EditorColors.Panel;
        canvas.DrawRoundRect(area.X, area.Y, area.Width, area.Height, 4, 4, _fill);
        ArrayTransform transform = model.Transform;
        float radius = model.CellRadius;
        ReadOnlySpan<float> xs = model.TransducerX, ys = model.TransducerY, levels = model.Levels;
        for (int i = 0; i < xs.Length; i++)
        {
            _fill.Color = EditorColors.Level(levels[i]);
            canvas.DrawCircle(transform.PixelX(xs[i]), transform.PixelY(ys[i]), radius, _fill);
        }
        DrawSources(canvas, model, area);
    }

    // A ring where each voice's wave starts, bigger as it gets louder; a standing wave rings the
    // whole array's centre with a dashed look (two thin rings). Released voices are drawn fainter.
    private void DrawSources(SKCanvas canvas, EditorViewModel model, PixelRect area)
    {
        ArrayTransform transform = model.Transform;
        ReadOnlySpan<float> xs = model.SourceX, ys = model.SourceY, levels = model.SourceLevel;
        ReadOnlySpan<VoiceSourceKind> kinds = model.SourceKind;
        ReadOnlySpan<bool> released = model.SourceReleased;
        float cell = model.CellRadius;
        for (int i = 0; i < xs.Length; i++)
        {
            float x = Math.Clamp(transform.PixelX(xs[i]), area.X, area.Right), y = Math.Clamp(transform.PixelY(ys[i]), area.Y, area.Bottom);
            _stroke.Color = EditorColors.Marker.WithAlpha(released[i] ? (byte)110 : (byte)255);
            float radius = cell * (0.5f + levels[i]);
            if (kinds[i] == VoiceSourceKind.Standing)
            {
                _stroke.StrokeWidth = 1;
                canvas.DrawCircle(x, y, radius * 2, _stroke);
                canvas.DrawCircle(x, y, radius * 2.4f, _stroke);
                _stroke.StrokeWidth = 2;
            }
            else
            {
                canvas.DrawCircle(x, y, radius, _stroke);
                canvas.DrawLine(x - 4, y, x + 4, y, _stroke);
                canvas.DrawLine(x, y - 4, x, y + 4, _stroke);
            }
        }
    }
}
