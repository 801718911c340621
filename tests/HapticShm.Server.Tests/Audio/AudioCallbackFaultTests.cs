using HapticShm.Shared.Protocol;
using HapticShm.Shared.Ring;
using HapticShm.Shared.Status;

namespace HapticShm.Server.Tests.Audio;

/// <summary>One fault policy: the first exception latches silence, nothing is touched again, and
/// the status block says so.</summary>
public sealed class AudioCallbackFaultTests : IDisposable
{
    private readonly CallbackRig _rig = new();

    [Fact]
    public void Render_AfterAnException_OutputsSilenceFromThenOnWithoutTouchingEngineOrRings()
    {
        CommandRing ring = _rig.AddClient(0);
        Assert.True(ring.Producer.TryPush(Command.NoteOn(0, 48, 1f, _rig.NextBlockStartNs - _rig.Callback.FixedLatencyNs)));
        float sounding = 0;
        for (int i = 0; i < 20; i++) sounding = Math.Max(sounding, _rig.RenderBlock());
        Assert.True(sounding > 0.05f, $"the note sounds before the fault (peak {sounding})");

        // A slot Active without a ring: a listener bug the callback meets in the middle of a block.
        _rig.Clients[1].State = HapticShm.Server.Clients.ClientState.Active;
        float faulted = _rig.RenderBlock();
        _rig.Clients[1].State = HapticShm.Server.Clients.ClientState.Free;

        Assert.True(_rig.Callback.HasFailed);
        Assert.IsType<NullReferenceException>(_rig.Callback.Fault);
        Assert.Equal(0f, faulted); // every sample written (the buffers held NaN before), all zero
        Assert.True(ring.Producer.TryPush(Command.NoteOn(0, 60, 1f, 0)));
        Assert.True(_rig.Engine.Submit(Command.NoteOn(1, 62, 1f, 0), 0)); // due at once if the engine ever renders again
        long notesBefore = _rig.Engine.Counters.NotesPlayed;
        long callsBefore = _rig.Callback.Callbacks;
        for (int i = 0; i < 40; i++) Assert.Equal(0f, _rig.RenderBlock());

        Assert.Equal(callsBefore + 40, _rig.Callback.Callbacks);
        Assert.Equal(41, _rig.Callback.SilencedBlocks);
        Assert.Equal(1, ring.ReadCounters().Fill); // the ring is not drained any more
        Assert.Equal(notesBefore, _rig.Engine.Counters.NotesPlayed); // nor the engine rendered
        Assert.Equal(1, _rig.Engine.PendingCount);
        StatusBlock status = _rig.ReadStatus();
        Assert.NotEqual(0, status.FaultedNs);
        Assert.InRange(status.FaultSilencedBlocks, 41 - 7, 41); // published every 7 blocks
        Assert.InRange(status.Callbacks, _rig.Callback.Callbacks - 7, _rig.Callback.Callbacks);
    }

    [Fact]
    public void Status_WithoutAFault_PublishesNone()
    {
        for (int i = 0; i < 20; i++) _rig.RenderBlock();
        StatusBlock status = _rig.ReadStatus();
        Assert.False(_rig.Callback.HasFailed);
        Assert.Equal(0, status.FaultedNs);
        Assert.Equal(0, status.FaultSilencedBlocks);
        Assert.True(status.Callbacks > 0);
    }

    public void Dispose() => _rig.Dispose();
}
