using HapticShm.Plugin.Core.Editor;
using HapticShm.Plugin.Core.Parameters;
using HapticShm.Shared.Status;

namespace HapticShm.Plugin.Tests.Editor;

public sealed class EditorPointerTests
{
    private readonly EditorViewModel _model = new(Environment.ProcessId);
    private readonly RecordingEditorHost _host = new();
    private readonly EditorPointer _pointer;

    public EditorPointerTests()
    {
        _model.Resize(800, 400);
        long now = TestStatus.Now();
        _model.Update(TestStatus.Grid(now), true, new EditorConnectionInput(true, 1, null, 0), ParameterState.Defaults(), now);
        _pointer = new EditorPointer(_model, _host);
    }

    [Fact]
    public void DragOnTheWaveSpeedSlider_BeginsPerformsAndEndsOneEdit()
    {
        PixelRect track = _model.Layout.Track(0);
        float y = track.Y + track.Height / 2;

        _pointer.Press(track.X + track.Width * 0.25f, y);
        _pointer.Move(track.X + track.Width * 0.25f, y + 30); // same x: same value, nothing sent
        _pointer.Move(track.X + track.Width * 0.75f, y + 30); // off the track vertically still drags
        _pointer.Release(track.Right + 100, y);                // past the end: clamped
        _pointer.Move(track.X, y);                             // after the release: nothing

        Assert.Equal(["begin 1", "perform 1 0.250", "perform 1 0.750", "perform 1 1.000", "end 1"], _host.Calls);
    }

    [Fact]
    public void DragOnRouting_SendsOnlyItsSteps()
    {
        PixelRect track = _model.Layout.Track(1);
        float y = track.Y + 2;
        _pointer.Press(track.X + 1, y);
        for (int i = 0; i <= 20; i++) _pointer.Move(track.X + track.Width * i / 20f, y);
        _pointer.Release(track.Right, y);
        Assert.Equal(["begin 2", "perform 2 0.000", "perform 2 0.250", "perform 2 0.500", "perform 2 0.750", "perform 2 1.000", "end 2"], _host.Calls);
    }

    [Fact]
    public void Cancel_MidDrag_EndsTheEdit()
    {
        PixelRect track = _model.Layout.Track(3);
        _pointer.Press(track.X + 5, track.Y + 2);
        _pointer.Cancel();
        _pointer.Cancel();
        Assert.Equal(3, _host.Calls.Count);
        Assert.Equal("end 4", _host.Calls[^1]);
        Assert.False(_pointer.IsDragging);
    }

    [Fact]
    public void ClickOnTheArray_PlaysATestPulseThere()
    {
        float x = _model.Transform.PixelX(0.30f), y = _model.Transform.PixelY(0.10f); // row 2, column 6: transducer 22
        _pointer.Press(x, y);
        _pointer.Release(x, y);

        ArrayHit hit = Assert.Single(_host.Pulses);
        Assert.Equal(22, hit.Transducer);
        Assert.Equal((0.30f - 0.175f) / 0.20f, hit.PitchBend, 3);
        Assert.Equal((0.10f - 0.075f) / 0.40f + 0.5f, hit.Timbre, 3);
        Assert.Empty(_host.Calls);
    }

    [Fact]
    public void ClickElsewhere_DoesNothing()
    {
        _pointer.Press(2, 2);
        _pointer.Release(2, 2);
        Assert.Empty(_host.Calls);
        Assert.Empty(_host.Pulses);
    }
}
