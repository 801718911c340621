namespace HapticShm.Plugin.Core.Editor;

/// <summary>
/// Turns the window's mouse events into what they mean on the <see cref="EditorViewModel"/>'s
/// picture: a press on a slider starts an edit (begin, then a value), moves send a value only when
/// it changes, the release ends the edit; a press on the array plays a test pulse there. Every
/// begun edit is ended, also when the view closes mid-drag (<see cref="Cancel"/>).
/// </summary>
public sealed class EditorPointer(EditorViewModel model, IEditorHost host)
{
    private int _dragging = -1;
    private double _lastValue;

    /// <summary>Whether a slider is being dragged.</summary>
    public bool IsDragging => _dragging >= 0;

    /// <summary>The slider being dragged, or -1.</summary>
    public int DraggedControl => _dragging;

    /// <summary>Left button pressed at pixel (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public void Press(float x, float y)
    {
        if (_dragging >= 0) return;
        int control = model.HitTestControl(x, y);
        if (control >= 0)
        {
            _dragging = control;
            uint id = model.Controls[control].Parameter.Id;
            host.BeginEdit(id);
            _lastValue = model.NormalizedAt(control, x);
            host.PerformEdit(id, _lastValue);
            return;
        }
        if (model.HitTestArray(x, y, out ArrayHit hit)) host.PlayTestPulse(hit);
    }

    /// <summary>Pointer moved (with or without the button).</summary>
    public void Move(float x, float y)
    {
        if (_dragging < 0) return;
        double value = model.NormalizedAt(_dragging, x);
        if (value == _lastValue) return;
        _lastValue = value;
        host.PerformEdit(model.Controls[_dragging].Parameter.Id, value);
    }

    /// <summary>Left button released.</summary>
    public void Release(float x, float y)
    {
        if (_dragging < 0) return;
        Move(x, y);
        Cancel();
    }

    /// <summary>Ends a drag in progress where it is (the view is closing).</summary>
    public void Cancel()
    {
        if (_dragging < 0) return;
        uint id = model.Controls[_dragging].Parameter.Id;
        _dragging = -1;
        host.EndEdit(id);
    }
}
