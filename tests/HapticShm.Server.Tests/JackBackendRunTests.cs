using HapticShm.Server.Backends.Jack;
using HapticShm.Server.Tests.Jack;

namespace HapticShm.Server.Tests;

public sealed class JackBackendRunTests(JackServerFixture server) : IClassFixture<JackServerFixture>
{
    [Fact]
    public void Run_FiveSeconds_NoXrunsCausedByTheBackend()
    {
        var signal = new RampSignal(maxBlocks: 1);
        using var backend = new JackBackend(new JackBackendOptions { ClientName = "hsm-run", ServerName = server.ServerName });
        backend.Open(32);
        int driverXrunsBefore = server.Jackd.CountLog(JackdProcess.DriverXrunLine);
        backend.Start(signal.Render);
        Thread.Sleep(TimeSpan.FromSeconds(5));
        backend.Stop();
        Thread.Sleep(200); // let jackd's log catch up
        int driverXruns = server.Jackd.CountLog(JackdProcess.DriverXrunLine) - driverXrunsBefore;

        // The dummy driver reports its own late wake-ups (machine load) as xruns; an xrun caused
        // by a client shows up as "client = NAME was not finished". Ours must never appear, and
        // every xrun the backend counted must be one of the driver's.
        Assert.Equal(0, server.Jackd.CountLog("client = hsm-run was not finished"));
        Assert.InRange(backend.Xruns, 0, driverXruns);
        Assert.InRange(signal.Blocks, 5 * 750 * 8 / 10, 5 * 750 * 12 / 10);
        Assert.False(backend.HasFailed);
    }

    [Fact]
    public void Start_ProcessPath_AllocatesNothing()
    {
        var signal = new RampSignal(maxBlocks: 4000);
        using var backend = new JackBackend(new JackBackendOptions { ClientName = "hsm-alloc", ServerName = server.ServerName });
        backend.Open(32);
        backend.Start(signal.Render);
        Assert.True(Wait.Until(() => backend.Cycles >= 1500, TimeSpan.FromSeconds(8)), "1500 cycles did not run within 8 s");
        backend.Stop();

        Assert.Equal(0, backend.CallbackAllocatedBytes);
    }
}
