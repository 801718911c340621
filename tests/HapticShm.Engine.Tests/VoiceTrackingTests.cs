using HapticShm.Shared.Protocol;

namespace HapticShm.Engine.Tests;

public sealed class VoiceTrackingTests
{
    // Standing voices: every channel carries the voice's plain signal, easy to read back.
    private static EngineRig StandingRig()
    {
        var rig = new EngineRig();
        rig.Param(ParamId.Routing, (float)StimulusRouting.Standing);
        rig.Param(ParamId.AttackSeconds, 0f);
        rig.Param(ParamId.ReleaseSeconds, 0.01f);
        return rig;
    }

    [Theory]
    [InlineData(0, 0.5f)]
    [InlineData(1, 0.3f)]
    public void NoteOff_SameNoteOnTwoChannels_ReleasesOnlyItsChannel(byte releasedChannel, float remainingVelocity)
    {
        var rig = StandingRig();
        rig.Submit(Command.NoteOn(0, 60, 0.3f, rig.Ns(0)));
        rig.Submit(Command.NoteOn(1, 60, 0.5f, rig.Ns(0)));
        rig.Submit(Command.NoteOff(releasedChannel, 60, rig.Ns(4800)));
        float[][] output = rig.Render(9600);
        Assert.Equal(0.8f, EngineRig.MaxAbs(output[5].AsSpan(0, 4800)), 2);
        Assert.Equal(remainingVelocity, EngineRig.MaxAbs(output[5].AsSpan(7200)), 2);
        Assert.Equal(1, rig.Engine.ActiveVoices);
    }

    [Fact]
    public void NoteOff_WithNoteId_ReleasesThatNoteOnly()
    {
        var rig = StandingRig();
        rig.Submit(Command.NoteOn(0, 60, 0.3f, rig.Ns(0), noteId: 5));
        rig.Submit(Command.NoteOn(0, 60, 0.5f, rig.Ns(0), noteId: 6));
        rig.Submit(Command.NoteOff(0, 60, rig.Ns(4800), noteId: 6));
        float[][] output = rig.Render(9600);
        Assert.Equal(0.3f, EngineRig.MaxAbs(output[0].AsSpan(7200)), 2);
    }

    [Fact]
    public void Mpe_PerNote_ChangesOnlyThatNotesPressure()
    {
        var rig = StandingRig();
        rig.Submit(Command.NoteOn(0, 60, 0.3f, rig.Ns(0), noteId: 5));
        rig.Submit(Command.NoteOn(0, 60, 0.5f, rig.Ns(0), noteId: 6));
        rig.Submit(Command.MpeForNote(6, 0, MpeFields.Pressure, 0.2f, 0, 0, rig.Ns(4800)));
        float[][] output = rig.Render(9600);
        Assert.Equal(0.3f + 0.5f * 0.2f, EngineRig.MaxAbs(output[0].AsSpan(7200)), 2);
    }

    [Fact]
    public void Mpe_ChannelWide_ChangesOnlyThatChannelsVoices()
    {
        var rig = StandingRig();
        rig.Submit(Command.NoteOn(0, 60, 0.3f, rig.Ns(0)));
        rig.Submit(Command.NoteOn(1, 60, 0.5f, rig.Ns(0)));
        rig.Submit(Command.Mpe(1, MpeFields.Pressure, 0.5f, 0, 0, rig.Ns(4800)));
        float[][] output = rig.Render(9600);
        Assert.Equal(0.3f + 0.25f, EngineRig.MaxAbs(output[0].AsSpan(7200)), 2);
    }

    [Fact]
    public void NoteOn_PoolFull_StealsOldestWithFadeAndCounts()
    {
        var rig = StandingRig();
        for (int i = 0; i < 4; i++) rig.Submit(Command.NoteOn(0, (byte)(60 + i), 0.2f, rig.Ns(i * 10)));
        rig.Submit(Command.NoteOn(0, 70, 0.2f, rig.Ns(2400)));
        float[][] before = rig.Render(2400);
        Assert.Equal(4, rig.Engine.ActiveVoices);
        float[][] after = rig.Render(480, fromFrame: 2400);
        Assert.Equal(1, rig.Engine.Counters.Stolen);
        Assert.Equal(5, rig.Engine.Counters.PeakVoices);
        Assert.Equal(4, rig.Engine.ActiveVoices); // the stolen voice is gone within 10 ms
        // A fade, not a cut: steps stay within what four 0.2 carriers plus a 5 ms ramp can make.
        double bound = 5 * 0.2 * 2 * Math.PI * 440 * Math.Pow(2, 1 / 12.0 * (70 - 69)) / 48000 + 0.2 / 240.0;
        Assert.True(EngineRig.MaxStep(after[0]) <= bound, $"step {EngineRig.MaxStep(after[0])}");
        Assert.True(EngineRig.MaxAbs(before[0]) > 0.2f);
    }

    [Fact]
    public void Panic_AllVoicesSilentWithin10msWithoutJump()
    {
        var rig = new EngineRig();
        rig.Param(ParamId.AttackSeconds, 0f);
        rig.Param(ParamId.WaveSpeed, 20f); // long wave tails: the fade must act on the output, not the source
        for (int i = 0; i < 6; i++) rig.Submit(Command.NoteOn((byte)i, (byte)(50 + i * 3), i < 3 ? 0.2f : 0.7f, rig.Ns(i)));
        const int panicFrame = 4810;
        rig.Submit(Command.Panic(rig.Ns(panicFrame)));
        float[][] output = rig.Render(9600);
        for (int t = 0; t < output.Length; t++)
        {
            Assert.True(EngineRig.MaxAbs(output[t].AsSpan(panicFrame - 200, 200)) > 0.01f, $"transducer {t} silent before panic");
            Assert.Equal(0f, EngineRig.MaxAbs(output[t].AsSpan(panicFrame + 480)));
            // Ramp, not a jump: each step stays below the loudest carrier slope plus the ramp slope.
            Assert.True(EngineRig.MaxStep(output[t].AsSpan(panicFrame - 1, 482)) < 0.05f, $"transducer {t} jumped");
        }
        Assert.Equal(0, rig.Engine.ActiveVoices);
    }

    [Fact]
    public void FadeOutClient_ItsVoicesSilentWithin50msOthersKeepPlaying()
    {
        var rig = StandingRig();
        rig.Submit(Command.NoteOn(0, 60, 0.3f, rig.Ns(0)), clientId: 0);
        rig.Submit(Command.NoteOn(0, 60, 0.5f, rig.Ns(0)), clientId: 3);
        rig.Submit(Command.NoteOn(0, 64, 0.5f, rig.Ns(6000)), clientId: 3); // pending: must be dropped
        rig.Render(2400);
        Assert.Equal(1, rig.Engine.ActiveVoicesOf(3));
        rig.Engine.FadeOutClient(3);
        float[][] output = rig.Render(7200, fromFrame: 2400);
        Assert.Equal(0, rig.Engine.ActiveVoicesOf(3));
        Assert.Equal(1, rig.Engine.ActiveVoicesOf(0));
        Assert.Equal(0.3f, EngineRig.MaxAbs(output[0].AsSpan(2400)), 2);
        Assert.Equal(0, rig.Engine.PendingCount);
    }
}
