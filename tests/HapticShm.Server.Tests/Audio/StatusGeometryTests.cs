using HapticShm.Engine;
using HapticShm.Shared.Protocol;
using HapticShm.Shared.Ring;
using HapticShm.Shared.Status;

namespace HapticShm.Server.Tests.Audio;

/// <summary>What the editor draws: the transducer positions and each sounding voice's source,
/// published by the audio callback without allocating.</summary>
public sealed unsafe class StatusGeometryTests : IDisposable
{
    private readonly CallbackRig _rig = new();

    [Fact]
    public void Publish_WritesEveryTransducerPosition()
    {
        for (int i = 0; i < 20; i++) _rig.RenderBlock();
        StatusBlock status = _rig.ReadStatus();
        ReadOnlySpan<System.Numerics.Vector2> positions = TransducerLayout.Default.Positions;
        Assert.Equal(32, status.TransducerCount);
        for (int i = 0; i < positions.Length; i++)
        {
            Assert.Equal(positions[i].X, status.TransducerX[i]);
            Assert.Equal(positions[i].Y, status.TransducerY[i]);
        }
        Assert.Equal(0.35f, status.TransducerX[31], 5); // row 3, column 7 at 5 cm
        Assert.Equal(0.15f, status.TransducerY[31], 5);
        Assert.Equal(0, status.VoiceSourceCount);
    }

    [Fact]
    public void Publish_WithAWaveAndAStandingVoice_WritesTheirSources()
    {
        CommandRing ring = _rig.AddClient(3);
        long due = _rig.NextBlockStartNs - _rig.Callback.FixedLatencyNs;
        // Default layout centre (0.175, 0.075); bend 0.5 moves x by +0.10 m, timbre 0.75 moves y by +0.10 m.
        Command wave = Command.NoteOn(0, 60, 0.4f, due); // velocity under 64/127: a travelling wave
        wave.PitchBend = 0.5f;
        wave.Timbre = 0.75f;
        Assert.True(ring.Producer.TryPush(wave));
        Assert.True(ring.Producer.TryPush(Command.NoteOn(1, 64, 1f, due))); // loud: a standing wave
        RenderBlocks(ring, 100); // past the 0.1 s attack

        StatusBlock status = _rig.ReadStatus();
        Assert.Equal(2, status.VoiceSourceCount);
        VoiceSourceStatus first = status.VoiceSource(0), second = status.VoiceSource(1);
        Assert.Equal(VoiceSourceKind.Wave, first.Kind);
        Assert.Equal(0.275f, first.X, 5);
        Assert.Equal(0.175f, first.Y, 5);
        Assert.Equal(60, first.Note);
        Assert.Equal(3, first.ClientSlot);
        Assert.Equal(0, first.Released);
        Assert.InRange(first.Level, 0.39f, 0.41f); // attack done, velocity x pressure 1
        Assert.Equal(VoiceSourceKind.Standing, second.Kind);
        Assert.Equal(0.175f, second.X, 5);
        Assert.Equal(0.075f, second.Y, 5);
        Assert.Equal(64, second.Note);
        Assert.Equal(VoiceSourceKind.None, status.VoiceSource(2).Kind);

        // A bend moves the published source; a note-off marks it released, then it disappears.
        long now = _rig.NextBlockStartNs - _rig.Callback.FixedLatencyNs;
        Assert.True(ring.Producer.TryPush(Command.Mpe(0, MpeFields.PitchBend, 1f, -1f, 0f, now)));
        Assert.True(ring.Producer.TryPush(Command.NoteOff(1, 64, now)));
        RenderBlocks(ring, 8);
        status = _rig.ReadStatus();
        Assert.Equal(-0.025f, status.VoiceSource(0).X, 5);
        Assert.Equal(1, status.VoiceSource(1).Released);
        Assert.True(ring.Producer.TryPush(Command.Panic(_rig.NextBlockStartNs - _rig.Callback.FixedLatencyNs)));
        RenderBlocks(ring, 40);
        Assert.Equal(0, _rig.ReadStatus().VoiceSourceCount);
    }

    [Fact]
    public void Publish_PhantomVoiceAndStroke_WritesPhantomSources()
    {
        CommandRing ring = _rig.AddClient(2);
        long due = _rig.NextBlockStartNs - _rig.Callback.FixedLatencyNs;
        Assert.True(ring.Producer.TryPush(Command.Param(ParamId.Routing, (float)StimulusRouting.Phantom, due)));
        Command phantom = Command.NoteOn(0, 50, 0.5f, due);
        phantom.PitchBend = -0.375f; // x = 0.175 - 0.075 = 0.10 m, between columns
        phantom.Timbre = 0.5f;
        Assert.True(ring.Producer.TryPush(phantom));
        Assert.True(ring.Producer.TryPush(Command.Stroke(5, 55, 1f, 0.05f, 0f, 0.30f, 0.15f, 2000f, due)));
        RenderBlocks(ring, 20);

        StatusBlock status = _rig.ReadStatus();
        Assert.Equal(2, status.VoiceSourceCount); // the phantom note and the stroke's first point
        VoiceSourceStatus note = status.VoiceSource(0), point = status.VoiceSource(1);
        if (note.Note != 50) (note, point) = (point, note);
        Assert.Equal(VoiceSourceKind.Phantom, note.Kind);
        Assert.Equal(0.10f, note.X, 5);
        Assert.Equal(0.075f, note.Y, 5);
        Assert.Equal((VoiceSourceKind.Phantom, 55), (point.Kind, (int)point.Note));
        Assert.Equal(0.05f, point.X, 5);
        Assert.Equal(0f, point.Y, 5);
    }

    [Fact]
    public void Publish_AfterWarmUp_AllocatesNothing()
    {
        CommandRing ring = _rig.AddClient(0);
        long due = _rig.NextBlockStartNs - _rig.Callback.FixedLatencyNs;
        for (byte n = 0; n < 12; n++) Assert.True(ring.Producer.TryPush(Command.NoteOn(n, (byte)(40 + n), n < 8 ? 0.3f : 0.9f, due)));
        RenderBlocks(ring, 50);
        long before = GC.GetAllocatedBytesForCurrentThread();
        RenderBlocks(ring, 700); // 100 publications
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.Equal(12, _rig.ReadStatus().VoiceSourceCount);
    }

    // A live client stamps its heartbeat; without it the watchdog fades its voices after 100 ms.
    private void RenderBlocks(CommandRing ring, int count)
    {
        for (int i = 0; i < count; i++)
        {
            ring.Producer.StampHeartbeat(HapticShm.Shared.MonotonicClock.NowNs());
            _rig.RenderBlock();
        }
    }

    public void Dispose() => _rig.Dispose();
}
