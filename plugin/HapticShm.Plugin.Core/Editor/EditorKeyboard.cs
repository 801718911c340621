namespace HapticShm.Plugin.Core.Editor;

/// <summary>
/// The keyboard on the <see cref="EditorViewModel"/>'s sliders: one slider has the focus (drawn
/// with a ring while the editor has the keyboard); Up/Down and Tab move the focus, wrapping;
/// Left/Right, PageUp/PageDown, Home/End move the focused slider's value, each key one whole edit
/// for the host (begin, value, end), as <see cref="EditorPointer"/> sends a drag. A stepped
/// parameter (routing) moves by its steps.
/// </summary>
public sealed class EditorKeyboard(EditorViewModel model, IEditorHost host)
{
    /// <summary>A key's share of a continuous parameter's range, and a page's.</summary>
    public const double Step = 0.01, Page = 0.1;

    /// <summary>The editor got (true) or lost the keyboard focus.</summary>
    public void SetFocus(bool hasFocus) => model.HasKeyboardFocus = hasFocus;

    /// <summary>The focus to slider <paramref name="control"/> (a click on it; XEmbed's FOCUS_FIRST
    /// / FOCUS_LAST pass the first or the last).</summary>
    public void Focus(int control)
    {
        if ((uint)control < (uint)model.Controls.Length) model.FocusedControl = control;
    }

    /// <summary>A key went down: true when the editor used it.</summary>
    public bool Key(EditorKey key)
    {
        int count = model.Controls.Length;
        if (count == 0) return false;
        int focused = Math.Clamp(model.FocusedControl, 0, count - 1);
        switch (key)
        {
            case EditorKey.Up or EditorKey.Previous: model.FocusedControl = (focused + count - 1) % count; return true;
            case EditorKey.Down or EditorKey.Next: model.FocusedControl = (focused + 1) % count; return true;
            case EditorKey.Left: return Nudge(focused, -1, Step);
            case EditorKey.Right: return Nudge(focused, 1, Step);
            case EditorKey.PageDown: return Nudge(focused, -1, Page);
            case EditorKey.PageUp: return Nudge(focused, 1, Page);
            case EditorKey.Home: return Edit(focused, 0);
            case EditorKey.End: return Edit(focused, 1);
            default: return false;
        }
    }

    private bool Nudge(int control, int direction, double share)
    {
        var parameter = model.Controls[control].Parameter;
        double step = parameter.StepCount > 0 ? Math.Max(1.0 / parameter.StepCount, share) : share;
        return Edit(control, model.Controls[control].Normalized + direction * step);
    }

    private bool Edit(int control, double normalized)
    {
        EditorControl slider = model.Controls[control];
        var parameter = slider.Parameter;
        normalized = Math.Clamp(normalized, 0.0, 1.0);
        if (parameter.StepCount > 0) normalized = parameter.ToNormalized(parameter.ToPlain(normalized));
        if (normalized == slider.Normalized) return true; // at the end of the range: used, nothing sent
        host.BeginEdit(parameter.Id);
        host.PerformEdit(parameter.Id, normalized);
        host.EndEdit(parameter.Id);
        slider.Set(normalized); // the next key starts here, not from the value of the last frame
        return true;
    }
}
