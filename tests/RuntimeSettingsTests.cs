using HapticShm.Testing;

namespace HapticShm.Tests;

/// <summary>Compiled into every test project (tests/Directory.Build.props): the premise of its
/// allocation tests holds in its own process, and their way of counting sees a single object.</summary>
public sealed class RuntimeSettingsTests
{
    private static object? _sink;

    [Fact]
    public void TestProcess_CompilesEachMethodOnce()
    {
        Assert.True(RuntimeSettings.TieredCompilationOff, "tiered compilation is on in this test process: the allocation tests would count the runtime's re-compilation");
    }

    [Fact]
    public void OneObjectInAMeasuredWindow_IsCounted()
    {
        static void Work(int i) => _sink = i == 500 ? new object() : _sink;
        for (int i = 0; i < 1000; i++) Work(0); // warm, as the allocation tests do
        long quietest = SteadyAllocation.OnThisThread(() =>
        {
            for (int i = 0; i < 1000; i++) Work(i);
        });
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++) Work(i);
        long single = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(IntPtr.Size * 3, quietest); // one object: header, method table, minimum payload
        Assert.Equal(IntPtr.Size * 3, single);
    }
}
