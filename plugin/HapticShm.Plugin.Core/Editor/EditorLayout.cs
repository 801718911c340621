namespace HapticShm.Plugin.Core.Editor;

/// <summary>
/// Where each part of the editor sits for a view size: the connection lines on top, a column of
/// sliders on the left, the array filling the rest. Shared by drawing and hit-testing, so a click
/// lands on what was drawn there.
/// </summary>
public sealed class EditorLayout
{
    /// <summary>Height of the connection area (four lines of text).</summary>
    public const float HeaderHeight = 80;
    /// <summary>Height of one slider (its text above, its track below).</summary>
    public const float ControlHeight = 40;
    /// <summary>Height of a slider's track.</summary>
    public const float TrackHeight = 14;
    /// <summary>Outer margin and gap between parts.</summary>
    public const float Margin = 8;

    private readonly PixelRect[] _tracks;

    /// <param name="controls">Number of sliders.</param>
    public EditorLayout(int controls)
    {
        _tracks = new PixelRect[controls];
        Resize(640, 360);
    }

    /// <summary>View width in pixels.</summary>
    public int Width { get; private set; }

    /// <summary>View height in pixels.</summary>
    public int Height { get; private set; }

    /// <summary>The connection lines.</summary>
    public PixelRect Header { get; private set; }

    /// <summary>The array of transducers.</summary>
    public PixelRect Array { get; private set; }

    /// <summary>The track (the draggable bar) of slider <paramref name="index"/>.</summary>
    public PixelRect Track(int index) => _tracks[index];

    /// <summary>Number of sliders.</summary>
    public int ControlCount => _tracks.Length;

    /// <summary>Recomputes every rectangle for a view of <paramref name="width"/> x <paramref name="height"/> pixels.</summary>
    public void Resize(int width, int height)
    {
        Width = Math.Max(1, width);
        Height = Math.Max(1, height);
        Header = new PixelRect(Margin, Margin, Math.Max(1, Width - 2 * Margin), HeaderHeight - Margin);
        float columnWidth = Math.Clamp(Width * 0.3f, 120, 260);
        float top = HeaderHeight + Margin;
        for (int i = 0; i < _tracks.Length; i++)
            _tracks[i] = new PixelRect(Margin, top + i * ControlHeight + (ControlHeight - TrackHeight - 4), columnWidth, TrackHeight);
        float arrayX = Margin + columnWidth + 2 * Margin;
        Array = new PixelRect(arrayX, top, Math.Max(1, Width - arrayX - Margin), Math.Max(1, Height - top - Margin));
    }
}
