using HapticShm.Engine.Dsp;

namespace HapticShm.Engine.Tests;

public sealed class LagrangeDelayTests
{
    [Theory]
    [InlineData(20.0)]
    [InlineData(55.0)]
    [InlineData(130.0)]
    [InlineData(250.0)]
    [InlineData(400.0)]
    public void Read_SineAtFractionalDelays_ErrorBelowMinus60dB(double hz)
    {
        double omega = 2 * Math.PI * hz / 48000;
        var history = new float[4096];
        for (int n = 0; n < history.Length; n++) history[n] = (float)Math.Sin(omega * n);
        double worst = 0;
        foreach (double delay in new[] { 0.0, 0.1, 0.37, 0.5, 0.99, 1.0, 1.25, 2.5, 7.77, 123.45, 1000.01 })
        {
            for (int newest = 1100; newest < history.Length; newest += 7)
            {
                double ideal = Math.Sin(omega * (newest - delay));
                worst = Math.Max(worst, Math.Abs(LagrangeDelay.Read(history, newest, delay) - ideal));
            }
        }
        double db = 20 * Math.Log10(worst);
        Assert.True(db < -60, $"{hz} Hz: worst error {db:F1} dB re full scale");
    }

    [Fact]
    public void Coefficients_WholeDelay_PicksOneSample()
    {
        LagrangeDelay.Coefficients(5.0, 1f, out int offset, out float c0, out float c1, out float c2, out float c3);
        Assert.Equal(7, offset);
        Assert.Equal(0f, c0, 6);
        Assert.Equal(0f, c1, 6);
        Assert.Equal(1f, c2, 6); // node 2 is x[n - 7 + 2] = x[n - 5]
        Assert.Equal(0f, c3, 6);
    }
}
