using HapticShm.Shared.Protocol;

namespace HapticShm.Engine.Tests;

/// <summary>
/// A moving source must not click. A carrier of amplitude A at omega rad/sample already steps by
/// up to A*omega between samples, so the bound is that step plus 1e-3 for what the movement adds;
/// at a low carrier and moderate amplitude the plain bound "no step above 1e-3" is checked too.
/// </summary>
public sealed class MovingSourceTests
{
    [Theory]
    [InlineData(67, 1.0f, 20f)]   // 392 Hz, full amplitude, slowest waves (largest delay jumps)
    [InlineData(67, 1.0f, 100f)]
    [InlineData(79, 1.0f, 500f)]  // 784 Hz still bounded, fastest waves
    [InlineData(0, 0.4f, 20f)]    // 8 Hz: the literal 1e-3 limit applies
    public void Render_BendAndTimbreJumpingAndSweeping_NoStepBeyondCarrierPlus1e3(int note, float velocity, float speed)
    {
        var rig = new EngineRig();
        rig.Param(ParamId.Routing, (float)StimulusRouting.Wave);
        rig.Param(ParamId.WaveSpeed, speed);
        rig.Param(ParamId.AttackSeconds, 0f);
        rig.Submit(Command.NoteOn(2, (byte)note, velocity, rig.Ns(0)));
        rig.SubmitJumpsThenSweep(2);
        float[][] output = rig.Render(EngineRig.MovingSourceFrames);

        double bound = EngineRig.MovingSourceStepBound(note, velocity);
        float loudest = 0;
        for (int t = 0; t < output.Length; t++)
        {
            // From frame 1500: every transducer has received the onset (at most 1116 frames at 20 m/s);
            // the first movement is at frame 2000.
            float step = EngineRig.MaxStep(output[t].AsSpan(1500));
            Assert.True(step <= bound, $"transducer {t}: step {step:E3} > {bound:E3}");
            loudest = MathF.Max(loudest, EngineRig.MaxAbs(output[t]));
        }
        Assert.True(loudest > 0.3f * velocity, "the voice did not sound");
        // The movement really happened: the far corner transducer is louder at the end of a jump toward it.
        float nearLeft = EngineRig.MaxAbs(output[0].AsSpan(1500, 400)), afterRight = EngineRig.MaxAbs(output[0].AsSpan(3600, 400));
        Assert.NotEqual(nearLeft, afterRight);
    }
}
