using HapticShm.Engine.Audio;

namespace HapticShm.Asio.Tests;

/// <summary>
/// The render callback of the tests: writes a signal that depends only on (engine channel,
/// frame), so every block is the same and each channel is distinguishable, and counts its calls
/// (the "client state" that must survive a driver restart). Allocates nothing.
/// </summary>
internal sealed class TestSignal
{
    /// <summary>Values that exercise clipping, rounding and NaN handling, plus ordinary ones.</summary>
    public static readonly float[] Values =
    [
        0f, 1f, -1f, 1.5f, -1.5f, 0.5f, -0.5f, 0.25f, -0.75f, 1e-5f, -1e-5f, 0.999999f, -0.999999f,
        float.NaN, float.PositiveInfinity, float.NegativeInfinity, 3.0517578e-5f, -3.0517578e-5f,
        1.5258789e-5f, -1.5258789e-5f, 0.1234567f, -0.7654321f, 2f / 3f, -1f / 3f,
    ];

    private long _calls;

    public long Calls => Interlocked.Read(ref _calls);
    public int LastFrames { get; private set; }
    public int LastChannelCount { get; private set; }
    public long LastBlockStartNs { get; private set; }

    public static float Sample(int channel, int frame) => Values[(frame + 7 * channel) % Values.Length];

    public void Render(ChannelBuffers output, long blockStartNs)
    {
        for (int c = 0; c < output.ChannelCount; c++)
        {
            Span<float> channel = output[c];
            for (int f = 0; f < channel.Length; f++) channel[f] = Sample(c, f);
        }
        LastFrames = output.Frames;
        LastChannelCount = output.ChannelCount;
        LastBlockStartNs = blockStartNs;
        Interlocked.Increment(ref _calls);
    }
}
