using HapticShm.Plugin.Core.Editor;
using HapticShm.Plugin.Core.Parameters;

namespace HapticShm.Plugin.Tests.Editor;

public sealed class EditorKeyboardTests
{
    private readonly EditorViewModel _model = new(Environment.ProcessId);
    private readonly RecordingEditorHost _host = new();
    private readonly EditorKeyboard _keyboard;

    public EditorKeyboardTests()
    {
        _model.Resize(800, 400);
        long now = TestStatus.Now();
        _model.Update(TestStatus.Grid(now), true, new EditorConnectionInput(true, 1, null, 0), ParameterState.Defaults(), now);
        _keyboard = new EditorKeyboard(_model, _host);
    }

    [Fact]
    public void UpDownAndTab_MoveTheFocus_Wrapping_AndSendNothing()
    {
        int last = _model.Controls.Length - 1;
        Assert.Equal(0, _model.FocusedControl);
        Assert.True(_keyboard.Key(EditorKey.Down));
        Assert.Equal(1, _model.FocusedControl);
        Assert.True(_keyboard.Key(EditorKey.Next));
        Assert.Equal(2, _model.FocusedControl);
        Assert.True(_keyboard.Key(EditorKey.Up));
        Assert.True(_keyboard.Key(EditorKey.Previous));
        Assert.Equal(0, _model.FocusedControl);
        Assert.True(_keyboard.Key(EditorKey.Up));
        Assert.Equal(last, _model.FocusedControl);
        Assert.True(_keyboard.Key(EditorKey.Down));
        Assert.Equal(0, _model.FocusedControl);
        Assert.False(_keyboard.Key(EditorKey.None));
        Assert.Empty(_host.Calls);
    }

    [Fact]
    public void RightAndLeft_StepTheFocusedSlider_EachKeyOneEdit()
    {
        double start = _model.Controls[0].Normalized;
        _keyboard.Key(EditorKey.Right);
        _keyboard.Key(EditorKey.Right); // from the value the first key sent, not the last frame's
        _keyboard.Key(EditorKey.Left);
        Assert.Equal(
            [.. Edit(ParameterIds.WaveSpeed, start + 0.01), .. Edit(ParameterIds.WaveSpeed, start + 0.02), .. Edit(ParameterIds.WaveSpeed, start + 0.01)],
            _host.Calls);
        Assert.Equal(start + 0.01, _model.Controls[0].Normalized, 9);
    }

    [Fact]
    public void HomeEndAndPages_JumpAndStop_AtTheEndsOfTheRange()
    {
        _keyboard.Key(EditorKey.Home);
        _keyboard.Key(EditorKey.Home); // already there: used, nothing sent
        _keyboard.Key(EditorKey.PageUp);
        _keyboard.Key(EditorKey.End);
        _keyboard.Key(EditorKey.PageUp);
        _keyboard.Key(EditorKey.PageDown);
        Assert.Equal([.. Edit(ParameterIds.WaveSpeed, 0), .. Edit(ParameterIds.WaveSpeed, 0.1), .. Edit(ParameterIds.WaveSpeed, 1), .. Edit(ParameterIds.WaveSpeed, 0.9)], _host.Calls);
    }

    [Fact]
    public void Routing_MovesByItsSteps()
    {
        _keyboard.Focus(1);
        _keyboard.Key(EditorKey.Home);
        _keyboard.Key(EditorKey.Right);
        _keyboard.Key(EditorKey.PageUp); // a page is at least a step
        Assert.Equal([.. Edit(ParameterIds.Routing, 0.25), .. Edit(ParameterIds.Routing, 0.5)], _host.Calls); // by velocity (0) is the default
    }

    [Fact]
    public void Focus_IsShownOnlyWhileTheEditorHasTheKeyboard()
    {
        Assert.False(_model.HasKeyboardFocus);
        _keyboard.SetFocus(true);
        _keyboard.Focus(3);
        Assert.True(_model.HasKeyboardFocus);
        Assert.Equal(3, _model.FocusedControl);
        _keyboard.Focus(_model.Controls.Length); // no such slider: the focus stays
        Assert.Equal(3, _model.FocusedControl);
        _keyboard.SetFocus(false);
        Assert.False(_model.HasKeyboardFocus);
    }

    private static string[] Edit(uint id, double value) => [$"begin {id}", FormattableString.Invariant($"perform {id} {value:F3}"), $"end {id}"];
}
