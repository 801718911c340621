using HapticShm.Jack;
using HapticShm.Server.Tests.Jack;

namespace HapticShm.Server.Tests;

public sealed class JackProbeTests(JackServerFixture server) : IClassFixture<JackServerFixture>
{
    [Fact]
    public void SampleRate_ServerRunning_IsItsRate() => Assert.Equal(48000, new JackProbe(server.ServerName).SampleRate());

    [Fact]
    public void SampleRate_NoServer_IsZeroAndAllocatesNothing()
    {
        var probe = new JackProbe($"hsm-absent-{Guid.NewGuid():N}");
        Assert.Equal(0, probe.SampleRate()); // warm-up: libjack loaded, the error handler installed

        int answered = 0;
        long allocated = SteadyAllocation.OnThisThread(() =>
        {
            for (int i = 0; i < 5; i++) answered += probe.SampleRate();
        });

        Assert.Equal(0, answered);
        Assert.Equal(0, allocated);
    }
}
