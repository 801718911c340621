namespace HapticShm.Plugin.Core.Editor;

public sealed partial class EditorViewModel
{
    private const float GrabSlop = 4; // pixels above and below a track that still grab it

    /// <summary>The slider the keyboard moves (see <see cref="EditorKeyboard"/>).</summary>
    public int FocusedControl { get; internal set; }

    /// <summary>Whether the editor has the keyboard: the focused slider is drawn with a ring.</summary>
    public bool HasKeyboardFocus { get; internal set; }

    /// <summary>The slider whose track is at pixel (<paramref name="x"/>, <paramref name="y"/>), or -1.</summary>
    public int HitTestControl(float x, float y)
    {
        for (int i = 0; i < _controls.Length; i++)
        {
            PixelRect track = Layout.Track(i);
            if (x >= track.X && x < track.Right && y >= track.Y - GrabSlop && y < track.Bottom + GrabSlop) return i;
        }
        return -1;
    }

    /// <summary>The normalized value slider <paramref name="control"/> takes when dragged to pixel
    /// x (clamped to its track, snapped to the parameter's steps).</summary>
    public double NormalizedAt(int control, float x)
    {
        PixelRect track = Layout.Track(control);
        double normalized = Math.Clamp((x - track.X) / track.Width, 0.0, 1.0);
        var parameter = _controls[control].Parameter;
        return parameter.StepCount > 0 ? parameter.ToNormalized(parameter.ToPlain(normalized)) : normalized;
    }
}
