using System.Diagnostics;
using HapticShm.Server.Backends.Asio;
using Xunit.Abstractions;

namespace HapticShm.Asio.Tests;

[Collection(AsioDriverCollection.Name)]
public sealed class AsioBackendAllocationTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(true, AsioSampleType.ASIOSTInt24LSB)]
    [InlineData(false, AsioSampleType.ASIOSTInt32LSB)]
    [InlineData(true, AsioSampleType.ASIOSTFloat32LSB)]
    public void BufferSwitch_ManyTimes_AllocatesNothingOnDriverThread(bool timeInfo, AsioSampleType type)
    {
        using var fake = new FakeAsioDriver(64, type) { OfferTimeInfo = timeInfo, SwitchPeriodMs = 0, WarmUpSwitches = 1_000 };
        var signal = new TestSignal();
        using var backend = AsioBackend.FromDriver(fake.Pointer, new AsioBackendOptions { OutputChannels = ["0-63"] });
        backend.Open(64);
        backend.Start(signal.Render);
        // The deadline only guards against a hang: beside a CPU hog these back-to-back switches took over 20 s.
        Wait.Until(() => fake.MeasuredSwitches >= 10_000, "10 000 measured buffer switches", seconds: 180);
        backend.Stop();

        double meanUs = fake.TicksInSwitches * 1e6 / Stopwatch.Frequency / fake.MeasuredSwitches;
        output.WriteLine($"{type}, time info {timeInfo}: {fake.MeasuredSwitches} switches of 64 ch x {fake.BufferSize} frames, mean {meanUs:F2} us per switch (test render + conversion), {fake.AllocatedBytesInSwitches} bytes allocated");

        Assert.Equal(timeInfo, fake.HostUsesTimeInfo);
        Assert.Equal(0, fake.AllocatedBytesInSwitches);
        // Switches racing Stop are skipped: this fake switches back to back (~40 us each), so a stop
        // preempted between clearing "running" and the driver's Stop() lets a few through unrendered
        // (3 seen on a loaded machine). Every switch before that renders.
        Assert.InRange(signal.Calls, fake.Switches - 16, fake.Switches);
    }
}
