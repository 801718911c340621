using HapticShm.Plugin.Core.Editor;
using HapticShm.Plugin.Core.Parameters;
using HapticShm.Shared.Protocol;
using HapticShm.Shared.Status;

namespace HapticShm.Plugin.Tests.Editor;

public sealed unsafe class EditorViewModelTests
{
    private const int OwnPid = 777;
    private static readonly EditorConnectionInput Attached = new(RingAttached: true, Connections: 1, LastError: null, DroppedCommands: 0);
    private readonly EditorViewModel _model = new(OwnPid);
    private readonly double[] _values = ParameterState.Defaults();

    public EditorViewModelTests() => _model.Resize(800, 400);

    [Fact]
    public void Update_CopiesPositionsLevelsAndSources()
    {
        long now = TestStatus.Now();
        StatusBlock block = TestStatus.Grid(now);
        block.Levels[9] = 0.5f;
        block.Levels[10] = 3f;          // out of range: shown full
        block.Levels[11] = float.NaN;   // garbage: shown dark
        TestStatus.SetSource(ref block, 0, 0.275f, 0.175f, 0.4f, VoiceSourceKind.Wave);
        TestStatus.SetSource(ref block, 1, 0.175f, 0.075f, 0.8f, VoiceSourceKind.Standing);
        block.VoiceSource(1).Released = 1;

        _model.Update(block, true, Attached, _values, now);

        Assert.Equal(32, _model.TransducerCount);
        Assert.Equal(0.05f, _model.TransducerX[9], 6);
        Assert.Equal(0.05f, _model.TransducerY[9], 6);
        Assert.Equal(0.5f, _model.Levels[9]);
        Assert.Equal(1f, _model.Levels[10]);
        Assert.Equal(0f, _model.Levels[11]);
        Assert.Equal(2, _model.SourceCount);
        Assert.Equal(0.275f, _model.SourceX[0]);
        Assert.Equal(VoiceSourceKind.Standing, _model.SourceKind[1]);
        Assert.False(_model.SourceReleased[0]);
        Assert.True(_model.SourceReleased[1]);
    }

    [Fact]
    public void Transform_FitsTheLayoutInsideTheArrayArea()
    {
        long now = TestStatus.Now();
        _model.Update(TestStatus.Grid(now), true, Attached, _values, now);
        PixelRect area = _model.Layout.Array;
        for (int i = 0; i < 32; i++)
        {
            float x = _model.Transform.PixelX(_model.TransducerX[i]), y = _model.Transform.PixelY(_model.TransducerY[i]);
            Assert.True(area.Contains(x - _model.CellRadius, y - _model.CellRadius) && area.Contains(x + _model.CellRadius - 1, y + _model.CellRadius - 1), $"cell {i} at ({x}, {y}) leaves {area}");
        }
        Assert.True(_model.Transform.PixelY(0.05f) > _model.Transform.PixelY(0f), "row 1 is drawn below row 0");
    }

    [Theory]
    [InlineData(9)]
    [InlineData(0)]
    [InlineData(31)]
    public void HitTestArray_OnACell_NamesItsTransducerAndTheSourceControlsThere(int transducer)
    {
        long now = TestStatus.Now();
        _model.Update(TestStatus.Grid(now), true, Attached, _values, now);
        float x = (transducer % 8) * 0.05f, y = (transducer / 8) * 0.05f;

        Assert.True(_model.HitTestArray(_model.Transform.PixelX(x) + 1, _model.Transform.PixelY(y) - 1, out ArrayHit hit));

        Assert.Equal(transducer, hit.Transducer);
        Assert.Equal(x, hit.X, 2);
        Assert.Equal(y, hit.Y, 2);
        (float bend, float timbre) = SourceArea.Controls(0.175f, 0.075f, hit.X, hit.Y);
        Assert.Equal(bend, hit.PitchBend, 5);
        Assert.Equal(timbre, hit.Timbre, 5);
        // And the engine's placement of that bend and timbre lands back on the click.
        (float sx, float sy) = SourceArea.Position(0.175f, 0.075f, hit.PitchBend, hit.Timbre);
        Assert.Equal(hit.X, sx, 4);
        Assert.Equal(hit.Y, sy, 4);
    }

    [Fact]
    public void HitTestArray_BetweenCellsOrOutside_HitsNoTransducerOrNothing()
    {
        long now = TestStatus.Now();
        _model.Update(TestStatus.Grid(now), true, Attached, _values, now);
        Assert.True(_model.HitTestArray(_model.Transform.PixelX(0.025f), _model.Transform.PixelY(0.025f), out ArrayHit between));
        Assert.Equal(-1, between.Transducer);
        Assert.False(_model.HitTestArray(2, 2, out _));
    }

    [Fact]
    public void Controls_ShowTheEditableParametersWithTheirText()
    {
        long now = TestStatus.Now();
        _values[PluginParameters.IndexOf(ParameterIds.WaveSpeed)] = PluginParameters.All[0].ToNormalized(250);
        _values[PluginParameters.IndexOf(ParameterIds.Routing)] = 0.5;
        _model.Update(TestStatus.Grid(now), true, Attached, _values, now);

        // Every visible parameter but bypass, in the controller's order.
        uint[] expected = [.. PluginParameters.All.Where(p => !p.IsHidden && !p.IsBypass).Select(p => p.Id)];
        Assert.Equal(expected, _model.Controls.ToArray().Select(c => c.Parameter.Id));
        Assert.Equal([ParameterIds.WaveSpeed, ParameterIds.Routing, ParameterIds.Ceiling, ParameterIds.Attack, ParameterIds.Release], expected[..5]);
        Assert.Equal("Wave speed 250 m/s", _model.Controls[0].Text.ToString());
        Assert.Equal("Routing standing", _model.Controls[1].Text.ToString());
        Assert.Equal("Attack 0.10 s", _model.Controls[3].Text.ToString());
    }

    [Fact]
    public void Drag_MapsPixelsAlongATrackToNormalizedValues()
    {
        PixelRect track = _model.Layout.Track(0);
        float middleY = track.Y + track.Height / 2;
        Assert.Equal(0, _model.HitTestControl(track.X + 3, middleY));
        Assert.Equal(-1, _model.HitTestControl(track.X + 3, track.Y - 20));
        Assert.Equal(0.0, _model.NormalizedAt(0, track.X - 50));
        Assert.Equal(0.5, _model.NormalizedAt(0, track.X + track.Width / 2), 6);
        Assert.Equal(1.0, _model.NormalizedAt(0, track.Right + 50));
        // Routing has five values: a drag snaps to them.
        int routing = _model.HitTestControl(_model.Layout.Track(1).X + 1, _model.Layout.Track(1).Y + 1);
        Assert.Equal(1, routing);
        Assert.Equal(0.5, _model.NormalizedAt(routing, _model.Layout.Track(1).X + _model.Layout.Track(1).Width * 0.6f));
    }

    [Fact]
    public void Connection_FollowsTheServerAndThePlugin()
    {
        long now = TestStatus.Now();
        StatusBlock block = TestStatus.Grid(now);
        ref ClientStatus own = ref block.Client(2);
        (own.Active, own.Pid, own.Capacity, own.Fill, own.Pushed, own.DroppedFull, own.Late) = (1, OwnPid, 4096, 3, 120, 4, 1);

        _model.Update(block, true, Attached, _values, now);
        Assert.Equal(EditorConnectionState.Connected, _model.Connection);
        Assert.Equal("Connected to server 4321", _model.ConnectionText.ToString());
        Assert.Equal("jack  48000 Hz / 64  latency 2.50 ms  load 3.4% (max 9.0%)  xruns 2  voices 0", _model.ServerText.ToString());
        Assert.Equal("Ring: fill 3/4096  pushed 120  dropped 4  late 1", _model.RingText.ToString());
        Assert.Equal("Clock: not reported", _model.ClockText.ToString());

        var ardour = new ClockSourceStatus(ClockSource.HostClockRejected, HostClockFault.WrongRate, 0.001f);
        _model.Update(block, true, Attached with { Clock = ardour }, _values, now);
        Assert.Equal("Clock: own fit (host clock rejected: runs at 0.001x)", _model.ClockText.ToString());
        _model.Update(block, true, Attached with { Clock = new(ClockSource.HostClock) }, _values, now);
        Assert.Equal("Clock: host clock", _model.ClockText.ToString());

        _model.Update(block, true, Attached, _values, now + 400_000_000);
        Assert.Equal(EditorConnectionState.ServerHung, _model.Connection);
        Assert.Equal("Server 4321 hung: no status for 400 ms", _model.ConnectionText.ToString());

        block.FaultedNs = now;
        _model.Update(block, true, Attached, _values, now);
        Assert.Equal("Server 4321 hung: its audio callback failed, output is silent", _model.ConnectionText.ToString());

        _model.Update(default, false, new EditorConnectionInput(false, 0, "no server at /run/x", 7), _values, now);
        Assert.Equal(EditorConnectionState.Launching, _model.Connection);
        Assert.Equal("Launching the server (no server at /run/x)", _model.ConnectionText.ToString());
        Assert.Equal("Commands dropped while not connected: 7", _model.RingText.ToString());
        Assert.Equal(32, _model.TransducerCount); // the last layout stays, dark
        Assert.Equal(0f, _model.Levels[0]);

        _model.Update(default, false, new EditorConnectionInput(false, 3, null, 7), _values, now);
        Assert.Equal(EditorConnectionState.Reconnecting, _model.Connection);

        _model.Update(TestStatus.Grid(now), true, new EditorConnectionInput(false, 3, "handshake timed out", 7), _values, now);
        Assert.Equal(EditorConnectionState.Connecting, _model.Connection);
        Assert.Equal("Connecting to server 4321 (handshake timed out)", _model.ConnectionText.ToString());
    }

    [Fact]
    public unsafe void ServerText_AutoBackendOnNull_SaysWaitingForJackAndWhy()
    {
        long now = TestStatus.Now();
        StatusBlock block = TestStatus.Grid(now);
        new Span<byte>(block.Backend, StatusBlock.BackendBytes).Clear();
        "null"u8.CopyTo(new Span<byte>(block.Backend, StatusBlock.BackendBytes));
        block.BackendState = (int)BackendState.WaitingForJack;
        "JACK server 'lab' shut down"u8.CopyTo(new Span<byte>(block.BackendReason, StatusBlock.BackendReasonBytes));

        _model.Update(block, true, Attached, _values, now);

        Assert.Equal("null: waiting for JACK (JACK server 'lab' shut down)  48000 Hz / 64  latency 2.50 ms  load 3.4% (max 9.0%)  xruns 2  voices 0", _model.ServerText.ToString());
        Assert.Equal(block.BackendSummary, _model.ServerText.ToString()[..block.BackendSummary.Length]);
    }

    [Fact]
    public void Ring_TwoInstancesOfOneProcess_EachShowsTheEntryOfItsHandshakeSlot()
    {
        long now = TestStatus.Now();
        StatusBlock block = TestStatus.Grid(now);
        ref ClientStatus first = ref block.Client(1);
        (first.Active, first.Pid, first.Capacity, first.Pushed) = (1, OwnPid, 4096, 11);
        ref ClientStatus second = ref block.Client(4);
        (second.Active, second.Pid, second.Capacity, second.Pushed) = (1, OwnPid, 4096, 44);

        _model.Update(block, true, Attached with { ServerPid = TestStatus.ServerPid, ClientSlot = 4 }, _values, now);
        Assert.Equal("Ring: fill 0/4096  pushed 44  dropped 0  late 0", _model.RingText.ToString());
        _model.Update(block, true, Attached with { ServerPid = TestStatus.ServerPid, ClientSlot = 1 }, _values, now);
        Assert.Equal("Ring: fill 0/4096  pushed 11  dropped 0  late 0", _model.RingText.ToString());
        // A slot of another server (a stale session) is not trusted: the first entry of this pid.
        _model.Update(block, true, Attached with { ServerPid = 99, ClientSlot = 4 }, _values, now);
        Assert.Equal("Ring: fill 0/4096  pushed 11  dropped 0  late 0", _model.RingText.ToString());
    }

    [Fact]
    public void Update_AfterWarmUp_AllocatesNothing()
    {
        long now = TestStatus.Now();
        StatusBlock block = TestStatus.Grid(now);
        ref ClientStatus own = ref block.Client(0);
        (own.Active, own.Pid, own.Capacity) = (1, OwnPid, 4096);
        var input = new EditorConnectionInput(true, 1, "an old error", 0);
        for (int i = 0; i < 10; i++) _model.Update(block, true, input, _values, now);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int frame = 0; frame < 1000; frame++)
        {
            block.UpdatedNs = now + frame * 33_000_000L;
            block.Levels[frame % 32] = (frame % 100) / 100f;
            block.Xruns = frame;
            own.Pushed = frame * 10;
            TestStatus.SetSource(ref block, frame % 4, (frame % 8) * 0.05f, 0.1f, 0.5f, VoiceSourceKind.Wave);
            _values[0] = (frame % 50) / 50.0;
            _model.Update(block, true, input, _values, now + frame * 33_000_000L);
            _model.HitTestArray(500, 200, out _);
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }
}
