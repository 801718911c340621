using System.Diagnostics;
using HapticShm.Server.Backends.Null;

namespace HapticShm.Server.Tests;

public sealed class NullBackendTests
{
    private const double PeriodNs = 64 * 1e9 / 48000;

    [Fact]
    public void Start_OneSecond_CallsAtTheBlockRateWithinFivePercent()
    {
        var signal = new RampSignal(maxBlocks: 1);
        using var backend = new NullBackend();
        backend.Open(32);
        var clock = Stopwatch.StartNew();
        backend.Start(signal.Render);
        Thread.Sleep(1000);
        backend.Stop();
        double expected = clock.Elapsed.TotalSeconds * 48000 / 64;

        Assert.InRange(signal.Blocks, expected * 0.95, expected * 1.05);
    }

    [Fact]
    public void Start_BlockStartNs_AdvancesByExactlyOnePeriodExceptAfterLongStalls()
    {
        var signal = new RampSignal(maxBlocks: 500);
        using var backend = new NullBackend();
        backend.Open(2);
        backend.Start(signal.Render);
        Assert.True(Wait.Until(() => signal.Blocks >= 500, TimeSpan.FromSeconds(5)), "500 blocks did not run within 5 s");
        backend.Stop();

        int longSteps = 0;
        for (int b = 1; b < 500; b++)
        {
            double step = signal.BlockStart(b) - signal.BlockStart(b - 1);
            double periods = Math.Round(step / PeriodNs);
            Assert.True(periods >= 1 && Math.Abs(step - periods * PeriodNs) <= 1, $"block {b}: step {step} ns is not a whole number of periods");
            if (periods > 1) longSteps++;
        }
        Assert.True(longSteps <= backend.Xruns, $"{longSteps} skips but only {backend.Xruns} xruns counted");
        Assert.True(longSteps <= 2, $"{longSteps} skips of more than {NullBackend.MaxCatchUpBlocks} blocks in 500 blocks");
    }

    [Fact]
    public void Start_RenderLoop_AllocatesNothing()
    {
        var signal = new RampSignal(maxBlocks: 1000);
        using var backend = new NullBackend(new NullBackendOptions { BlockSize = 32 });
        backend.Open(32);
        backend.Start(signal.Render);
        Assert.True(Wait.Until(() => backend.Blocks >= 1000, TimeSpan.FromSeconds(5)), "1000 blocks did not run within 5 s");
        backend.Stop();

        Assert.Equal(0, backend.CallbackAllocatedBytes);
    }

    [Fact]
    public void Start_CallbackThrows_SetsHasFailedAndStops()
    {
        int calls = 0;
        using var backend = new NullBackend();
        backend.Open(1);
        backend.Start((_, _) =>
        {
            if (Interlocked.Increment(ref calls) == 10) throw new InvalidOperationException("render bug");
        });

        Assert.True(Wait.Until(() => backend.HasFailed, TimeSpan.FromSeconds(2)), "HasFailed stayed false");
        Thread.Sleep(50);
        Assert.Equal(10, Volatile.Read(ref calls));
        Assert.IsType<InvalidOperationException>(backend.RenderException);
    }

    [Fact]
    public void Stop_AfterReturn_NoMoreCallbacks()
    {
        var signal = new RampSignal(maxBlocks: 1);
        using var backend = new NullBackend();
        backend.Open(1);
        backend.Start(signal.Render);
        Assert.True(Wait.Until(() => signal.Blocks > 10, TimeSpan.FromSeconds(2)), "the backend never ran");
        backend.Stop();
        int blocks = signal.Blocks;
        Thread.Sleep(20);

        Assert.Equal(blocks, signal.Blocks);
    }
}
